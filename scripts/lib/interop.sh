# Starts a live hub on a scratch SQLite database for the Python interoperability tests, with a
# writer and a reader organisation, their tokens and a collection, exported as KAKEHASHI_INTEROP_*;
# and for incident reports a ministry (receiving for jp-mlit, with an officer) and a national office
# (receiving for jp-nisc); the railway's equipment registry and the demo advisories.

start_interop_hub() {
  local bin=$1
  INTEROP_DIR=$(mktemp -d /tmp/kakehashi-interop.XXXXXX)
  local db="sqlite:$INTEROP_DIR/hub.sqlite" port
  port=$(free_port)
  "$bin" org create --database "$db" --name-ja "相互運用 鉄道" --name-en "Interop Railway" --kind operator --sectors railways >/dev/null
  "$bin" org create --database "$db" --name-ja "相互運用 空港" --name-en "Interop Airport" --kind operator --sectors airports >/dev/null
  "$bin" org create --database "$db" --name-ja "相互運用 国土交通省" --name-en "Interop Ministry" --kind regulator --sectors railways,airports >/dev/null
  "$bin" org create --database "$db" --name-ja "相互運用 国家サイバー統括室" --name-en "Interop National Office" --kind national-center >/dev/null
  "$bin" authority assign --database "$db" jp-mlit --orgs "Interop Ministry" >/dev/null
  "$bin" authority assign --database "$db" jp-nisc --orgs "Interop National Office" >/dev/null
  KAKEHASHI_INTEROP_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
  export KAKEHASHI_INTEROP_PASSWORD
  printf '%s\n' "$KAKEHASHI_INTEROP_PASSWORD" | "$bin" user create --database "$db" --org "Interop Railway" --username interop-writer --role analyst >/dev/null
  printf '%s\n' "$KAKEHASHI_INTEROP_PASSWORD" | "$bin" user create --database "$db" --org "Interop Ministry" --username interop-officer --role analyst >/dev/null
  python3 -c 'import secrets; print(secrets.token_urlsafe(18))' | "$bin" user create --database "$db" --org "Interop Airport" --username interop-reader --role viewer >/dev/null
  # Consultations: an airport reporter asks the national office, whose analyst answers.
  printf '%s\n' "$KAKEHASHI_INTEROP_PASSWORD" | "$bin" user create --database "$db" --org "Interop Airport" --username interop-airport --role reporter >/dev/null
  printf '%s\n' "$KAKEHASHI_INTEROP_PASSWORD" | "$bin" user create --database "$db" --org "Interop National Office" --username interop-center --role analyst >/dev/null
  KAKEHASHI_INTEROP_TOKEN=$("$bin" token create --database "$db" --user interop-writer --scopes read,write 2>/dev/null)
  KAKEHASHI_INTEROP_READER_TOKEN=$("$bin" token create --database "$db" --user interop-reader --scopes read 2>/dev/null)
  KAKEHASHI_INTEROP_COLLECTION=$("$bin" collection create --database "$db" --title "Interop transport" --readers "Interop Railway,Interop Airport" --writers "Interop Railway")
  export KAKEHASHI_INTEROP_TOKEN KAKEHASHI_INTEROP_READER_TOKEN KAKEHASHI_INTEROP_COLLECTION
  # The railway's critical equipment and the bundled demo advisories, so the advisory pages have findings.
  local demo="$root/Sources/KakehashiServer/Resources/demo"
  "$bin" equipment import --database "$db" --org "Interop Railway" "$demo/equipment-rail.csv" >/dev/null
  "$bin" advisories import --database "$db" "$demo/advisories" >/dev/null 2>&1
  "$bin" serve --database "$db" --port "$port" >"$INTEROP_DIR/hub.log" 2>&1 &
  INTEROP_PID=$!
  export KAKEHASHI_INTEROP_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$KAKEHASHI_INTEROP_URL/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the interop hub did not start:" >&2
  cat "$INTEROP_DIR/hub.log" >&2
  return 1
}

stop_interop_hub() {
  if [ -n "${INTEROP_PID:-}" ]; then
    kill "$INTEROP_PID" 2>/dev/null || true
    wait "$INTEROP_PID" 2>/dev/null || true
  fi
  [ -n "${INTEROP_DIR:-}" ] && rm -rf "$INTEROP_DIR"
}
