#!/usr/bin/env bash
# A backup of CareBridge's database: one pg_dump archive (custom format, compressed) holding CareBridge's
# tables, Camunda's (ACT_*) and Flyway's history, taken from one consistent snapshot while CareBridge runs.
#
#     docs/ops/backup.sh [FILE] [pg_dump options...]
#
# FILE defaults to ./carebridge-YYYYMMDD-HHMMSS.dump. The server and the user are PGHOST, PGPORT,
# PGDATABASE, PGUSER (postgres by default) and PGPASSWORD, or DB_URL for the first three (pg-env.sh).
# The user must read every table and sequence: the superuser, or a role made for backups:
#
#     create role carebridge_backup login password '...' in role pg_read_all_data;
#
# (CareBridge's own role may not: after docs/postgres/audit-owner.sql it cannot read the state of the
# audit log's id sequence.) The archive is written beside FILE and renamed to FILE once pg_dump and a
# read-back of its table of contents have succeeded, so FILE is never half a backup. Exit 0 done,
# 1 pg_dump failed, 2 cannot connect or no suitable pg_dump. Restore it with docs/ops/restore.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=pg-env.sh
source "$here/pg-env.sh"

file="${1:-carebridge-$(date +%Y%m%d-%H%M%S).dump}"
(($# > 0)) && shift
[[ -e $file ]] && { echo "$file exists: not overwriting it" >&2; exit 2; }

server_major="$(pg_server_major "$PGDATABASE")" || exit 2
pg_find_programs "$server_major" || exit 2

partial="$file.partial"
trap 'rm -f "$partial"' EXIT
echo "Backing up database $PGDATABASE at $PGHOST:$PGPORT (PostgreSQL $server_major) as $PGUSER to $file"
if ! "$PG_DUMP" --format=custom --compress=6 --no-password --file="$partial" "$@" "$PGDATABASE"; then
    echo "pg_dump failed; no backup written" >&2
    exit 1
fi
entries="$("$PG_RESTORE" --list "$partial" | grep -c ' TABLE DATA ')" || {
    echo "the archive cannot be read back; no backup written" >&2
    exit 1
}
mv "$partial" "$file"
trap - EXIT
echo "Done: $file ($(du -h "$file" | cut -f1), $entries tables with their data)"
