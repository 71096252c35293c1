#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store-postgres tests, on loopback and a non-default port.
#
#   export WALLET_LEDGER_POSTGRES_URL="$(bash scripts/postgres.sh up)"   # prints the URL
#   bash scripts/postgres.sh down                                        # stops it, deletes it
#
# `up` installs Debian's `postgresql` package when no server is installed, makes a data directory
# under /tmp owned by the `postgres` user (initdb refuses to run as root, and the server must be
# able to reach every parent directory, so never under /root), starts the server with the newest
# /usr/lib/postgresql/<version>/bin as `postgres` through runuser, waits until it accepts
# connections, creates the database and prints its URL on stdout (messages go to stderr). It is
# idempotent: when this checkout's cluster already runs, it prints the URL again.
#
# Settings: WALLET_LEDGER_POSTGRES_PORT (default 54329). `up --durable` keeps fsync on (for
# benchmarks); by default the cluster trades durability for speed (fsync off), since it is thrown
# away. Trust authentication is safe only because the server listens on 127.0.0.1 and a socket in
# its own 0700 directory; never point this script at data you care about.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${WALLET_LEDGER_POSTGRES_PORT:-54329}"
database=wallet_ledger
# Where `down` finds the cluster `up` made: a file in this checkout, owned by whoever runs it.
state_file="$PWD/.postgres-cluster"

say() { echo "postgres.sh: $*" >&2; }

server_bin() {
  local version
  version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null |
    sort -n | tail -n 1)
  if [ -n "$version" ] && [ -x "/usr/lib/postgresql/$version/bin/initdb" ]; then
    echo "/usr/lib/postgresql/$version/bin"
  fi
}

install_server() {
  if [ -n "$(server_bin)" ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    say "no PostgreSQL server installed; run as root or: apt-get install -y postgresql"
    exit 1
  fi
  say "installing Debian's postgresql package"
  # Debian's postinst makes and starts a 'main' cluster on 5432; we use our own, so ask it not to.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/wallet-ledger.conf
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  if [ -z "$(server_bin)" ]; then
    say "apt-get installed postgresql but no /usr/lib/postgresql/<version>/bin/initdb exists"
    exit 1
  fi
}

as_postgres() { runuser -u postgres -- "$@"; }

url() { echo "postgres://postgres@127.0.0.1:$port/$database"; }

is_running() {
  [ -f "$state_file" ] || return 1
  local directory bin
  directory=$(sed -n 1p "$state_file")
  bin=$(server_bin)
  [ -n "$bin" ] && [ -d "$directory/data" ] && as_postgres "$bin/pg_ctl" status -D "$directory/data" >/dev/null 2>&1
}

down() {
  [ -f "$state_file" ] || return 0
  local directory bin
  directory=$(sed -n 1p "$state_file")
  bin=$(server_bin)
  # Only ever delete a directory this script made.
  case "$directory" in
  /tmp/wallet-ledger-postgres.*)
    if [ -n "$bin" ] && [ -f "$directory/data/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" stop -D "$directory/data" -m fast -w >/dev/null 2>&1 || true
    fi
    rm -rf -- "$directory"
    ;;
  *) say "ignoring a state file that names $directory" ;;
  esac
  rm -f -- "$state_file"
  say "stopped the cluster on port $port"
}

up() {
  local durable="$1"
  install_server
  if is_running; then
    say "already running on port $port"
    url
    return
  fi
  down
  local bin directory
  bin=$(server_bin)
  if as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    say "port $port is taken by another server; set WALLET_LEDGER_POSTGRES_PORT"
    exit 1
  fi
  directory=$(mktemp -d /tmp/wallet-ledger-postgres.XXXXXX)
  echo "$directory" >"$state_file"
  chown postgres:postgres "$directory"
  chmod 700 "$directory"
  say "initdb in $directory ($bin)"
  as_postgres "$bin/initdb" -D "$directory/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$directory/initdb.log" 2>&1 || {
    cat "$directory/initdb.log" >&2
    exit 1
  }
  local settings="-p $port -c listen_addresses=127.0.0.1 -k $directory -c max_connections=200"
  if [ "$durable" != durable ]; then
    settings="$settings -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
  fi
  # -w waits until the server accepts connections (about 2 s), -t bounds the wait.
  as_postgres "$bin/pg_ctl" start -D "$directory/data" -l "$directory/server.log" -w -t 60 \
    -o "$settings" >/dev/null || {
    cat "$directory/server.log" >&2
    exit 1
  }
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
  say "running on port $port (data in $directory)"
  url
}

case "${1:-}" in
up) up "$([ "${2:-}" = --durable ] && echo durable || echo fast)" ;;
down) down ;;
url) url ;;
*)
  echo "usage: bash scripts/postgres.sh up [--durable] | down | url" >&2
  exit 2
  ;;
esac
