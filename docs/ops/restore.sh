#!/usr/bin/env bash
# Restores a backup made by docs/ops/backup.sh into an empty database, and hands the audit log back to
# carebridge_audit so that it stays append-only.
#
#     docs/ops/restore.sh FILE DATABASE
#
# DATABASE is created (owned by CareBridge's role) when it does not exist; an existing one must hold no
# tables, or nothing is done. Nothing is ever dropped. Run it as a superuser (PGUSER, postgres by
# default; PGHOST, PGPORT or DB_URL say where: pg-env.sh). APP_ROLE is the role CareBridge signs in as
# (default: DB_USER, else carebridge); it must exist already, as an ordinary role (no SUPERUSER, no
# CREATEROLE).
#
# The order, and why:
#  1. pg_restore --no-owner --no-acl --role=APP_ROLE --single-transaction --exit-on-error: every table,
#     Flyway's and Camunda's included, is created by CareBridge's role and owned by it, exactly as if its
#     migrations had built the database, whatever the roles were called where the backup was taken. The
#     owners and grants in the archive are left out: they name roles (carebridge_audit, the old
#     application role) this server may not have. One transaction: a failure leaves DATABASE empty.
#     Rows are loaded with COPY; the audit log's append-only trigger refuses only UPDATE, DELETE and
#     TRUNCATE, and pg_restore creates triggers after loading the rows anyway.
#  2. docs/postgres/audit-owner.sql (as the superuser): the audit log, its sequence, its trigger
#     function, the schema and the database pass to carebridge_audit, and APP_ROLE keeps only INSERT and
#     SELECT on the log. Until this has run, APP_ROLE owns the log and could drop its trigger: start no
#     CareBridge node on DATABASE before it. Grants made by hand to other roles (a reporting role, say)
#     are not in the restore and must be given again.
#  3. ANALYZE, so that the planner has statistics before the first query.
# Exit 0 done, 1 the restore or the hand-over failed, 2 bad arguments, cannot connect, DATABASE not
# empty, or no suitable pg_restore.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=pg-env.sh
source "$here/pg-env.sh"
audit_owner_sql="$here/../postgres/audit-owner.sql"

if (($# != 2)); then
    echo "usage: $0 FILE DATABASE   (restores into DATABASE, which must be new or empty)" >&2
    exit 2
fi
file="$1" database="$2"
app_role="${APP_ROLE:-${DB_USER:-carebridge}}"
[[ -r $file ]] || { echo "cannot read $file" >&2; exit 2; }
[[ -r $audit_owner_sql ]] || { echo "cannot find $audit_owner_sql" >&2; exit 2; }

server_major="$(pg_server_major postgres)" || exit 2
pg_find_programs "$server_major" || exit 2
psql_admin() { "$PSQL" -X -w -q -At -v ON_ERROR_STOP=1 -d postgres "$@"; }

"$PG_RESTORE" --list "$file" >/dev/null || { echo "$file is not a pg_dump archive" >&2; exit 2; }
encoding="$("$PG_RESTORE" --list "$file" | sed -nE 's/^; +Encoding: +([A-Za-z0-9_]+).*/\1/p')"

role_ok="$(psql_admin -v role="$app_role" <<'SQL'
select case when rolsuper or rolcreaterole then 'privileged' else 'ok' end from pg_roles where rolname = :'role';
SQL
)" || exit 2
case "$role_ok" in
    ok) ;;
    privileged) echo "role $app_role is a superuser or may create roles; CareBridge's role must be an ordinary one" >&2; exit 2 ;;
    *) echo "no role $app_role on this server: create it first (create role $app_role login password '...')," \
            "or set APP_ROLE to the role CareBridge signs in as" >&2; exit 2 ;;
esac

exists="$(psql_admin -v db="$database" <<'SQL'
select 1 from pg_database where datname = :'db';
SQL
)" || exit 2
if [[ $exists == 1 ]]; then
    relations="$("$PSQL" -X -w -At -v ON_ERROR_STOP=1 -d "$database" -c "select count(*) from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'")" || exit 2
    if ((relations > 0)); then
        echo "database $database is not empty ($relations relations): restore into a new database" >&2
        exit 2
    fi
    can_create="$("$PSQL" -X -w -At -v ON_ERROR_STOP=1 -d "$database" -v role="$app_role" <<'SQL'
select has_schema_privilege(:'role', 'public', 'CREATE');
SQL
)" || exit 2
    if [[ $can_create != t ]]; then
        echo "$app_role may not create tables in the schema public of $database: make it the owner" \
             "(alter database $database owner to $app_role) or restore into a new database" >&2
        exit 2
    fi
    echo "Restoring into the existing, empty database $database"
else
    echo "Creating database $database (owner $app_role${encoding:+, encoding $encoding})"
    psql_admin -v db="$database" -v role="$app_role" -v enc="${encoding:-UTF8}" <<'SQL' || exit 1
create database :"db" owner :"role" template template0 encoding :'enc';
SQL
fi

echo "Restoring $file into $database at $PGHOST:$PGPORT as $app_role"
if ! "$PG_RESTORE" --dbname="$database" --no-password --no-owner --no-acl --role="$app_role" \
        --single-transaction --exit-on-error "$file"; then
    echo "pg_restore failed: nothing was restored ($database is left empty)" >&2
    exit 1
fi

echo "Handing the audit log to carebridge_audit (docs/postgres/audit-owner.sql)"
if ! "$PSQL" -X -w -q -d "$database" -v app_role="$app_role" -f "$audit_owner_sql"; then
    echo "audit-owner.sql failed: the data is restored but $app_role still owns the audit log;" \
         "run it again before starting CareBridge on $database" >&2
    exit 1
fi

"$PSQL" -X -w -q -d "$database" -c "analyze" || exit 1
summary="$("$PSQL" -X -w -At -F ', ' -d "$database" -c "select
    (select count(*) from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE') || ' tables',
    (select count(*) from audit_entry) || ' audit entries'")" || exit 1
version="$("$PSQL" -X -w -At -d "$database" -c "select version from flyway_schema_history where success
    order by installed_rank desc limit 1" 2>/dev/null)" || version=""
echo "Done: $database ($summary${version:+, schema version $version})"
