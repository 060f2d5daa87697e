# shellcheck shell=bash
# Sourced by backup.sh and restore.sh: where the PostgreSQL server is, and pg_dump/pg_restore/psql of
# its major version.
#
# The server: PGHOST, PGPORT, PGDATABASE when set; otherwise taken from DB_URL (the variable CareBridge
# itself reads, jdbc:postgresql://HOST[:PORT]/DATABASE); otherwise localhost, 5432, carebridge.
# The user: PGUSER (and PGPASSWORD or ~/.pgpass), postgres by default. Not DB_USER: CareBridge's role may
# only read and add to the audit log once docs/postgres/audit-owner.sql has run, and pg_dump also needs
# to read the state of the log's id sequence (README "Backup and restore").
#
# The programs: PG_BIN when set (a folder holding pg_dump, pg_restore and psql); otherwise
# /usr/lib/postgresql/<server's major version>/bin when it exists (Debian, and the postgres:15 image);
# otherwise those on the PATH, if they are at least the server's version (pg_dump refuses a newer server).

pg_env_from_db_url() {
    local url="${DB_URL:-}" rest hostport
    [[ $url == jdbc:postgresql://* ]] || return 0
    rest="${url#jdbc:postgresql://}"
    hostport="${rest%%/*}"
    rest="${rest#*/}"
    : "${PGHOST:=${hostport%%:*}}"
    [[ $hostport == *:* ]] && : "${PGPORT:=${hostport##*:}}"
    [[ $hostport == "$rest" ]] || : "${PGDATABASE:=${rest%%\?*}}"
    return 0
}

pg_env_from_db_url
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-carebridge}"

pg_major() { # major version of a program's --version output, e.g. 15
    "$1" --version | sed -nE 's/^[^0-9]*([0-9]+).*/\1/p' | head -1
}

# Sets PSQL, PG_DUMP and PG_RESTORE for the server's major version ($1, e.g. 15).
pg_find_programs() {
    local server_major="$1" dir
    if [[ -n ${PG_BIN:-} ]]; then
        dir="$PG_BIN"
    elif [[ -x /usr/lib/postgresql/$server_major/bin/pg_dump ]]; then
        dir="/usr/lib/postgresql/$server_major/bin"
    elif command -v pg_dump >/dev/null 2>&1; then
        dir="$(dirname "$(command -v pg_dump)")"
    else
        echo "no pg_dump found: install postgresql-client-$server_major or set PG_BIN" >&2
        return 2
    fi
    # shellcheck disable=SC2034 # used by the scripts that source this file
    PSQL="$dir/psql" PG_DUMP="$dir/pg_dump" PG_RESTORE="$dir/pg_restore"
    local tools_major
    tools_major="$(pg_major "$PG_DUMP")" || { echo "cannot run $PG_DUMP" >&2; return 2; }
    if ((tools_major < server_major)); then
        echo "$PG_DUMP is version $tools_major, the server $server_major: install postgresql-client-$server_major" \
             "or set PG_BIN to its bin folder" >&2
        return 2
    fi
}

# The server's major version, asked with any psql (the protocol does not depend on psql's version).
pg_server_major() {
    local psql="${PG_BIN:+$PG_BIN/psql}"
    psql="${psql:-$(command -v psql || printf "%s\n" /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)}"
    [[ -n $psql ]] || { echo "no psql found: install postgresql-client" >&2; return 2; }
    local num
    num="$("$psql" -X -w -At -d "${1:-$PGDATABASE}" -c "show server_version_num")" || {
        echo "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER" >&2; return 2; }
    echo $((num / 10000))
}
