#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server for the store contract tests.
#
#   bash scripts/with-postgres.sh .venv/bin/pytest -n 2
#
# If FOGOFWAR_TEST_PG_URL is already set, the command just runs against that server. Otherwise
# this initdb's a cluster under <repo>/.cache/pg/ (as an unprivileged user when run as root),
# starts it on a free localhost port with its socket inside that folder, creates a database,
# exports FOGOFWAR_TEST_PG_URL=postgresql+psycopg://..., runs the command, stops the server and
# removes the cluster on exit, and exits with the command's status. Without PostgreSQL binaries it
# warns loudly and runs the command anyway (the PostgreSQL tests then skip).
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
if [[ -n "${FOGOFWAR_TEST_PG_URL:-}" ]]; then
  exec "$@"
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bindir=""
if command -v pg_ctl >/dev/null 2>&1; then
  bindir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
else
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/pg_ctl" ]]; then bindir="$dir"; break; fi
  done
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" || ! -x "$bindir/postgres" ]]; then
  {
    echo "=================================================================="
    echo "WARNING: no PostgreSQL server binaries found (pg_ctl, initdb)."
    echo "WARNING: PostgreSQL store tests will be SKIPPED."
    echo "WARNING: install them: apt-get install postgresql"
    echo "=================================================================="
  } >&2
  exec "$@"
fi

# As root, the server runs as an unprivileged user (initdb refuses root).
as_user=()
if [[ "$(id -u)" -eq 0 ]]; then
  pg_user=postgres
  if ! id "$pg_user" >/dev/null 2>&1; then
    pg_user=fogofwar-pg
    id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
  fi
  as_user=(runuser -u "$pg_user" --)
fi

mkdir -p "$repo/.cache/pg"
work="$(mktemp -d "$repo/.cache/pg/run.XXXXXX")"
if [[ ${#as_user[@]} -gt 0 ]]; then
  chown "$pg_user" "$work"
  if ! "${as_user[@]}" test -w "$work"; then
    # The repo is not reachable for that user (e.g. a 0700 home): use /tmp instead.
    rm -rf "$work"
    work="$(mktemp -d /tmp/fogofwar-pg.XXXXXX)"
    chown "$pg_user" "$work"
  fi
fi
chmod 0700 "$work"

cleanup() {
  "${as_user[@]}" "$bindir/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  local py
  py="$(command -v python3 || echo "$repo/.venv/bin/python")"
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# C.UTF-8 so that the 'simple' text-search config lower-cases Cyrillic; plain C as a fallback.
initdb_ok=""
for locale in C.UTF-8 C; do
  rm -rf "$work/data"
  if "${as_user[@]}" "$bindir/initdb" -D "$work/data" -U fogofwar --auth=trust --encoding=UTF8 \
    --locale="$locale" --no-sync >"$work/initdb.log" 2>&1; then
    initdb_ok=1
    break
  fi
done
if [[ -z "$initdb_ok" ]]; then
  cat "$work/initdb.log" >&2
  echo "with-postgres.sh: initdb failed" >&2
  exit 1
fi
mkdir -p "$work/sock"
[[ ${#as_user[@]} -gt 0 ]] && chown "$pg_user" "$work/sock"

started=""
for _ in 1 2 3 4 5; do
  port="$(free_port)"
  if "${as_user[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
    -o "-p $port -k $work/sock -c listen_addresses=127.0.0.1 -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    start >/dev/null; then
    started=1
    break
  fi
done
if [[ -z "$started" ]]; then
  cat "$work/server.log" >&2 || true
  echo "with-postgres.sh: could not start PostgreSQL" >&2
  exit 1
fi

"${as_user[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U fogofwar fogofwar_test
export FOGOFWAR_TEST_PG_URL="postgresql+psycopg://fogofwar@127.0.0.1:$port/fogofwar_test"
echo "with-postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
