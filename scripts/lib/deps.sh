# Functions that install and start what the tests need. Sourced by scripts/test and scripts/dev-postgres.
# Everything comes from Debian's packages and PyPI, so a clean machine needs nothing installed by hand.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  if [ -z "${KAKEHASHI_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    export KAKEHASHI_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Prints the folder of the newest PostgreSQL server binaries, installing the server if it is missing.
postgres_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "installing PostgreSQL from Debian's packages…" >&2
    apt_install postgresql
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

# Creates .venv with the pinned Python tools, again whenever the pins change.
ensure_python_venv() {
  local root=$1 requirements="$1/scripts/requirements-test.txt" marker="$1/.venv/.requirements.sha256"
  local want
  want=$(sha256sum "$requirements" | cut -d' ' -f1)
  if [ -x "$root/.venv/bin/python" ] && [ "$(cat "$marker" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  echo "installing the Python test tools into .venv…" >&2
  if ! python3 -m venv "$root/.venv" 2>/dev/null; then
    apt_install python3-venv
    python3 -m venv "$root/.venv"
  fi
  "$root/.venv/bin/pip" install -q --upgrade pip >/dev/null
  "$root/.venv/bin/pip" install -q -r "$requirements"
  echo "$want" > "$marker"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts a throwaway PostgreSQL cluster on 127.0.0.1 as a non-root user and exports
# KAKEHASHI_TEST_POSTGRES_URL. Call stop_throwaway_postgres to remove it.
start_throwaway_postgres() {
  local bindir run_as=() owner
  bindir=$(postgres_bindir)
  PG_DIR=$(mktemp -d /tmp/kakehashi-pg.XXXXXX)
  PG_PORT=$(free_port)
  local password
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home "$owner"
    chown "$owner" "$PG_DIR"
    run_as=(runuser -u "$owner" --)
  fi
  printf '%s\n' "$password" > "$PG_DIR/pwfile"
  [ -n "${owner:-}" ] && chown "$owner" "$PG_DIR/pwfile"
  "${run_as[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U kakehashi --pwfile="$PG_DIR/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  rm -f "$PG_DIR/pwfile"
  "${run_as[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_STOP=("${run_as[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  export KAKEHASHI_TEST_POSTGRES_URL="postgres://kakehashi:${password}@127.0.0.1:${PG_PORT}/postgres"
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
}

stop_throwaway_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

# Installs Chromium, its WebDriver and Japanese fonts (for the browser tests and their screenshots).
ensure_browser() {
  if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    echo "installing Chromium, chromedriver and Japanese fonts from Debian's packages…" >&2
    apt_install chromium chromium-driver fonts-noto-cjk
  fi
}
