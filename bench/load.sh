#!/usr/bin/env bash
# Load test of the Release build on a national-scale synthetic dataset (docs/performance.md explains the figures).
#
#   bench/load.sh [sqlite|postgres|both]        (default: both)
#
# For each provider: a scratch database (SQLite file in a temp folder, or a throwaway PostgreSQL on 127.0.0.1:55433),
# `pathway migrate`, `pathway generate --people 30000 --seed 1`, an offender manager with a password in a generated
# team who signs in through the real pages (password, authenticator enrolment, password + code) and takes over one
# colleague's caseload through the API, then the Release app on 127.0.0.1:5099 under wrk: the bare /health/live
# endpoint, the caseload list, the "all cases I can see" list (the Cases link), a search and a case overview (pages
# with the session cookie), and the API search and case (bearer token). Also: EXPLAIN output and the SQL per route.
# Writes bench/results/<UTC time>/results.md (tables to paste into docs/performance.md) and the raw wrk output.
#
# Only ever sends traffic to 127.0.0.1. Every step is bounded in time; the app and the database are always stopped.
# Settings (environment): PEOPLE=30000 SEED=1 THREADS=2 CONNECTIONS=32 DURATION=20s WARMUP=5s APP_PORT=5099
# PG_PORT=55433 SQL_TRACE=1 (one request per route with EF command logging, to count queries) KEEP_WORK=0
# PG_EXTRA="-c synchronous_commit=off" (extra server settings, for experiments; the results file records them).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

mode="${1:-both}"
case "$mode" in
  sqlite) providers=(Sqlite) ;;
  postgres) providers=(Postgres) ;;
  both) providers=(Sqlite Postgres) ;;
  *) echo "usage: bench/load.sh [sqlite|postgres|both]" >&2; exit 2 ;;
esac

PEOPLE="${PEOPLE:-30000}"
SEED="${SEED:-1}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
APP_PORT="${APP_PORT:-5099}"
PG_PORT="${PG_PORT:-55433}"
SQL_TRACE="${SQL_TRACE:-1}"
BASE="http://127.0.0.1:$APP_PORT"
EMAIL="load.om@pathway.example"
PASSWORD="Load-Test-Pa55word!"
SEARCH="smith"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="${RESULTS_DIR:-$root/bench/results/$stamp}"
mkdir -p "$results"
work="$(mktemp -d "${TMPDIR:-/tmp}/pathway-load.XXXXXX")"
chmod 755 "$work" # the postgres user must reach its data folder inside
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
app_pid=""
pg_data=""

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}

stop_pg() {
  if [ -n "$pg_data" ] && [ -f "$pg_data/PG_VERSION" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pg_data" stop -m fast -t 60 >/dev/null 2>&1 || true
  fi
  pg_data=""
}

cleanup() {
  local status=$?
  stop_app
  stop_pg
  if [ "${KEEP_WORK:-0}" = 1 ]; then log "Scratch folder kept: $work"; else rm -rf "$work"; fi
  [ "$status" -eq 0 ] || log "Partial results in $results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
curl -s -o /dev/null --max-time 2 "$BASE/" && die "something already answers on $BASE"

# --- 1. Release build, published once for both providers ----------------------------------------------------------
log "Publishing the Release build to $work"
for p in src/Pathway.Web src/Pathway.Cli bench/Pathway.LoadSignIn; do
  timeout 1200 dotnet publish "$p" -c Release -o "$work/$(basename "$p")" -nologo -v quiet >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; die "dotnet publish $p"; }
done
mkdir -p "$work/home" # the app's data-protection keys live here, not in the caller's home

# --- helpers --------------------------------------------------------------------------------------------------------
cli() { env HOME="$work/home" Database__Provider="$provider" ConnectionStrings__Pathway="$cs" timeout 1800 dotnet "$work/Pathway.Cli/pathway.dll" "$@"; }

start_pg() {
  [ -n "$PGBIN" ] || die "PostgreSQL is not installed (apt-get install postgresql)"
  runuser -u postgres -- "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && die "something already listens on 127.0.0.1:$PG_PORT"
  pg_data="$work/pg"
  install -d -o postgres -g postgres "$pg_data" "$pg_data-sock"
  runuser -u postgres -- "$PGBIN/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  # Durability as a deployment would have it (fsync and synchronous_commit on): each audited read commits a row.
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $pg_data-sock -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_EXTRA:-}" start >/dev/null \
    || { cat "$pg_data/server.log" >&2; die "PostgreSQL did not start"; }
}

start_app() { # $1: extra environment assignments (may be empty)
  # shellcheck disable=SC2086
  ( cd "$work/Pathway.Web" && exec env HOME="$work/home" ASPNETCORE_ENVIRONMENT=Production \
      Database__Provider="$provider" ConnectionStrings__Pathway="$cs" $1 \
      dotnet Pathway.Web.dll --urls "$BASE" ) >>"$work/app-$provider.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$work/app-$provider.log" >&2; die "the app exited at start-up"; }
    curl -fs -o /dev/null --max-time 2 "$BASE/health/live" && return 0
    sleep 0.5
  done
  die "the app did not answer /health/live within 60 s"
}

sign_in() { timeout 120 dotnet "$work/Pathway.LoadSignIn/pathway-load-sign-in.dll" "$BASE" "$EMAIL" "$PASSWORD" "$work/totp-$provider.key"; }

hwm_kib() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$app_pid/status"; }
rss_kib() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$app_pid/status"; }
reset_hwm() { echo 5 >"/proc/$app_pid/clear_refs"; } # resets VmHWM to the current RSS (Linux >= 4.0)
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

status_of() { # $1 url, rest: curl header args
  local url="$1"; shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@" "$url"
}

# One wrk scenario: warm-up, then the measured run. Appends a row to the provider's table.
scenario() { # name, path (with %s when rotating through ids), auth (cookie|token|none)
  local name="$1" path="$2" auth="$3" slug hdr=() target args=() check
  slug="$(tr 'A-Z ()' 'a-z-__' <<<"$name" | tr -s '_-' | tr -d '_')"
  case "$auth" in
    cookie) cookie="$(sign_in)" || die "sign-in for $name"; hdr=(-H "Cookie: $cookie") ;; # fresh session per scenario
    token) hdr=(-H "Authorization: Bearer $token") ;;
    none) hdr=() ;;
  esac
  if [[ "$path" == *%s* ]]; then
    target="$BASE/"
    args=(-- "$work/ids-$provider.txt" "$path")
    # shellcheck disable=SC2059
    check="$BASE$(printf "$path" "$(head -1 "$work/ids-$provider.txt")")"
  else
    target="$BASE$path"
    check="$target"
  fi
  local before; before="$(status_of "$check" "${hdr[@]}")"
  [ "$before" = 200 ] || die "$name: $check answered $before before the run"

  local wrk_cmd=(wrk "-t$THREADS" "-c$CONNECTIONS" "-d$DURATION" --latency --timeout 10s -s "$root/bench/wrk/report.lua")
  log "$provider: $name (warm-up $WARMUP)"
  timeout 120 wrk "-t$THREADS" "-c$CONNECTIONS" "-d$WARMUP" --timeout 10s -s "$root/bench/wrk/report.lua" \
    "${hdr[@]}" "$target" "${args[@]}" >"$results/$provider-$slug-warmup.txt" 2>&1 || die "$name: wrk warm-up"
  peak_kib=$(( $(hwm_kib) > peak_kib ? $(hwm_kib) : peak_kib ))
  local load_before; load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  reset_hwm
  log "$provider: $name ($DURATION)"
  timeout 300 "${wrk_cmd[@]}" "${hdr[@]}" "$target" "${args[@]}" >"$results/$provider-$slug.txt" 2>&1 || die "$name: wrk"
  local hwm; hwm="$(hwm_kib)"
  peak_kib=$(( hwm > peak_kib ? hwm : peak_kib ))
  local after; after="$(status_of "$check" "${hdr[@]}")"
  [ "$after" = 200 ] || die "$name: $check answered $after after the run"

  local line; line="$(grep '^RESULT ' "$results/$provider-$slug.txt")" || die "$name: no RESULT line from wrk"
  field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" $line"; }
  local non2xx; non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$results/$provider-$slug.txt")"
  local errors=$(( $(field connect) + $(field read) + $(field write) + $(field timeout) + ${non2xx:-0} ))
  printf '| %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$name" "${path//%s/{id\}}" "$(field requests)" "$(printf '%.0f' "$(field rps)")" \
    "$(field p50_ms)" "$(field p95_ms)" "$(field p99_ms)" "$(mib "$hwm")" "$errors" "$load_before" >>"$table"
  local shown_hdr
  case "$auth" in cookie) shown_hdr=(-H '"Cookie: $COOKIE"') ;; token) shown_hdr=(-H '"Authorization: Bearer $TOKEN"') ;; *) shown_hdr=() ;; esac
  local shown_args=""
  [ ${#args[@]} -gt 0 ] && shown_args=" -- ids.txt '$path'"
  echo "${wrk_cmd[*]/$root\//} ${shown_hdr[*]} $target$shown_args" >>"$commands"
}

# One request per route with EF Core's command log on, to count the SQL each one runs.
sql_trace() {
  local applog="$work/app-$provider.log" out="$results/$provider-sql.txt"
  stop_app
  : >"$applog"
  start_app "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information Logging__Console__FormatterName=simple"
  cookie="$(sign_in)" || die "sign-in for the SQL trace"
  local id; id="$(head -1 "$work/ids-$provider.txt")"
  : >"$out"
  local r name url hdrkind
  for r in "Caseload list (page)|/cases?view=mine|cookie" "All cases I can see (page)|/cases|cookie" "Search (page)|/cases?q=$SEARCH|cookie" "Case overview (page)|/cases/$id|cookie" \
           "Search (API)|/api/v1/cases?search=$SEARCH|token" "Case (API)|/api/v1/cases/$id|token"; do
    IFS='|' read -r name url hdrkind <<<"$r"
    local hdr=(-H "Cookie: $cookie"); [ "$hdrkind" = token ] && hdr=(-H "Authorization: Bearer $token")
    curl -fs -o /dev/null "${hdr[@]}" "$BASE$url" # first call warms EF's query cache; the second is the one logged
    sleep 1
    local from; from=$(($(wc -l <"$applog") + 1))
    curl -fs -o /dev/null "${hdr[@]}" "$BASE$url"
    sleep 1
    local slice; slice="$(tail -n "+$from" "$applog")"
    printf '## %s: GET %s — %s SQL commands\n\n' "$name" "$url" "$(grep -c 'Executed DbCommand' <<<"$slice" || true)" >>"$out"
    grep -v '^\s*$' <<<"$slice" >>"$out" || true
    printf '\n' >>"$out"
  done
}

# Query plans (and timings) for the list, search and overview SQL, against the scratch database.
explain() {
  local out="$results/$provider-explain.txt" case_id team_id
  case_id="$(head -1 "$work/ids-$provider.txt")"
  team_id="$(cli teams list | awk -F'\t' -v n="$team" '$2 == n {print $1}')"
  if [ "$provider" = Postgres ]; then
    # Twice: the first pass warms the caches and plans, the second is the one kept.
    for _ in 1 2; do
      runuser -u postgres -- psql -X -q -h 127.0.0.1 -p "$PG_PORT" -d pathway_load \
        -v uid="$user_id" -v team="$team_id" -v case_id="$case_id" <"$root/bench/sql/explain-postgres.sql" >"$out" 2>&1 || true
    done
    { echo; echo "--- pg_test_fsync: what one durable commit costs on this disk"; "$PGBIN/pg_test_fsync" -s 1 -f "$work/fsync.test"; } >>"$out" 2>&1 || true
  else
    # EF Core stores GUIDs in SQLite as upper-case text.
    for _ in 1 2; do
      sqlite3 -cmd ".parameter set @uid '${user_id^^}'" -cmd ".parameter set @team '${team_id^^}'" -cmd ".parameter set @case_id '${case_id^^}'" \
        "$work/sqlite/pathway.db" <"$root/bench/sql/explain-sqlite.sql" >"$out" 2>&1 || true
    done
  fi
}

# --- 2. Each provider -----------------------------------------------------------------------------------------------
summary="$results/results.md"
{
  echo "# Load-test results $stamp"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)."
  echo ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}'); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)${PGBIN:+; PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}')}; SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?') (CLI; the app uses the SQLitePCLRaw bundle)."
  echo "Dataset: pathway generate --people $PEOPLE --seed $SEED. wrk: $THREADS threads, $CONNECTIONS connections, $DURATION after a $WARMUP warm-up per route, on the same 2-core machine as the app."
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
} >"$summary"

for provider in "${providers[@]}"; do
  log "=== $provider ==="
  if [ "$provider" = Postgres ]; then
    start_pg
    cs="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=pathway_load"
  else
    mkdir -p "$work/sqlite"
    cs="Data Source=$work/sqlite/pathway.db"
  fi
  table="$work/table-$provider.md"
  commands="$work/commands-$provider.txt"
  : >"$table"; : >"$commands"
  peak_kib=0

  log "$provider: migrate and generate $PEOPLE people"
  cli migrate >/dev/null
  generated="$(cli generate --people "$PEOPLE" --seed "$SEED" 2>/dev/null)"
  log "$generated"
  team="$(cli teams list | awk -F'\t' '/Probation Delivery Unit 001/ {print $2; exit}')"
  [ -n "$team" ] || die "no generated probation team"
  added="$(cli users add --email "$EMAIL" --name "Load Test Offender Manager" --role OffenderManager --team "$team" --password "$PASSWORD")"
  user_id="$(sed -n 's/^Added .* (\([0-9a-fA-F-]*\)) as .*/\1/p' <<<"$added")"
  [ -n "$user_id" ] || die "could not read the new user's id from: $added"
  token="$(cli tokens create --email "$EMAIL" --days 1 --name "load test")"

  start_app ""
  log "$provider: enrol the authenticator and sign in through the pages"
  cookie="$(sign_in)" || die "sign-in"

  # The new offender manager takes over one colleague's caseload through the API, as a team manager's reallocation
  # would: GET each case, PUT it back with the new offender manager and the version read.
  log "$provider: take over a caseload through the API"
  : >"$work/team-$provider.jsonl"
  page=1
  while :; do
    body="$(curl -fsS --max-time 60 -H "Authorization: Bearer $token" "$BASE/api/v1/cases?pageSize=100&page=$page")"
    jq -c '.items[]' <<<"$body" >>"$work/team-$provider.jsonl"
    [ $((page * 100)) -lt "$(jq .total <<<"$body")" ] && [ "$page" -lt 100 ] || break
    page=$((page + 1))
  done
  colleague="$(jq -r 'select(.offenderManagerId != null) | .offenderManagerId' "$work/team-$provider.jsonl" | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')"
  jq -r --arg c "$colleague" 'select(.offenderManagerId == $c) | .id' "$work/team-$provider.jsonl" >"$work/ids-$provider.txt"
  while read -r id; do
    curl -fsS --max-time 60 -H "Authorization: Bearer $token" "$BASE/api/v1/cases/$id" \
      | jq --arg me "$user_id" '.offenderManagerId = $me' \
      | curl -fsS --max-time 60 -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
          --data-binary @- "$BASE/api/v1/cases/$id" || die "could not reallocate case $id"
  done <"$work/ids-$provider.txt"
  team_cases="$(wc -l <"$work/team-$provider.jsonl")"
  caseload="$(wc -l <"$work/ids-$provider.txt")"
  matches="$(curl -fsS -H "Authorization: Bearer $token" "$BASE/api/v1/cases?search=$SEARCH&pageSize=1" | jq .total)"
  log "$provider: $team_cases cases visible to the user, caseload of $caseload, '$SEARCH' matches $matches"
  peak_kib="$(hwm_kib)"
  rss_start="$(rss_kib)"

  scenario "Bare endpoint" "/health/live" none
  scenario "Caseload list (page)" "/cases?view=mine" cookie
  scenario "All cases I can see (page)" "/cases" cookie
  scenario "Search (page)" "/cases?q=$SEARCH" cookie
  scenario "Case overview (page)" "/cases/%s" cookie
  scenario "Search (API)" "/api/v1/cases?search=$SEARCH" token
  scenario "Case (API)" "/api/v1/cases/%s" token
  rss_end="$(rss_kib)"

  if [ "$provider" = Postgres ]; then
    pg_settings="$(runuser -u postgres -- psql -X -qtA -h 127.0.0.1 -p "$PG_PORT" -d pathway_load -F '=' -R ', ' \
      -c "SELECT name, setting FROM pg_settings WHERE name IN ('fsync','synchronous_commit','shared_buffers','max_connections','wal_level') ORDER BY name")"
    audit_rows="$(runuser -u postgres -- psql -qtA -h 127.0.0.1 -p "$PG_PORT" -d pathway_load -c 'SELECT count(*) FROM "AuditEvents"')"
  else
    audit_rows="$(sqlite3 "$work/sqlite/pathway.db" 'SELECT count(*) FROM AuditEvents')"
  fi
  explain
  [ "$SQL_TRACE" = 1 ] && sql_trace
  stop_app

  {
    echo
    echo "## $provider"
    echo
    echo "$generated"
    [ "$provider" = Postgres ] && echo "PostgreSQL settings: $pg_settings."
    [ "$provider" = Sqlite ] && echo "SQLite settings (set by the app on every connection): journal_mode=WAL, synchronous=NORMAL, busy_timeout=10000."
    echo "The load-test user (an offender manager in \"$team\") can see $team_cases cases; their caseload is $caseload; \"$SEARCH\" matches $matches."
    echo "App RSS after set-up $(mib "$rss_start") MiB, after the last run $(mib "$rss_end") MiB; peak (VmHWM) over the whole run $(mib "$peak_kib") MiB. Audit rows at the end: $audit_rows."
    echo
    echo "| Route | Path | Requests | Req/s | p50 ms | p95 ms | p99 ms | Peak RSS MiB | Errors | Load avg before |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    cat "$table"
    echo
    echo "Commands (\$COOKIE from bench/Pathway.LoadSignIn, \$TOKEN from \`pathway tokens create\`; ids.txt is the caseload's case ids):"
    echo
    echo '```'
    cat "$commands"
    echo '```'
  } >>"$summary"
  stop_pg
done

echo >>"$summary"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)." >>"$summary"
log "Results: $summary"
cat "$summary"
