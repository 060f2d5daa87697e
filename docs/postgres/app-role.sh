#!/usr/bin/env bash
# docker-compose.yml runs this once, when the PostgreSQL container creates its data directory: the
# role CareBridge signs in as (an ordinary role: no superuser, no CREATEROLE) and its database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v app_password="$CAREBRIDGE_DB_PASSWORD" <<'SQL'
create role carebridge login password :'app_password';
create database carebridge owner carebridge;
SQL
