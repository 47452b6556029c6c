#!/usr/bin/env bash
# Runs every Pathway test: unit, integration (HTTP, on SQLite and PostgreSQL) and browser (Chromium + axe).
# Installs what is missing with apt, starts a throwaway PostgreSQL, and prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root="$(pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 1. System packages the tests need.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils) # PDF tests read generated PDFs back
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  apt-get update -o DPkg::Lock::Timeout=300 -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${need[@]}" >/dev/null || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. A throwaway PostgreSQL on 127.0.0.1:55432 (no systemd needed).
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
# Port 55432 unless taken (another checkout's tests may be running): then the next free one.
PGPORT="${PATHWAY_TEST_PG_PORT:-55432}"
while (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
PGDATA_DIR="${TMPDIR:-/tmp}/pathway-test-pg-$PGPORT"
stop_pg() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" stop -m fast >/dev/null 2>&1 || true; }
stop_pg
rm -rf "$PGDATA_DIR" "$PGDATA_DIR-sock"
install -d -o postgres -g postgres "$PGDATA_DIR" "$PGDATA_DIR-sock"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --no-locale >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
  -o "-p $PGPORT -k $PGDATA_DIR-sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
  || { echo "PostgreSQL did not start"; cat "$PGDATA_DIR/server.log"; echo "0 passed, 1 failed"; exit 1; }
trap stop_pg EXIT
export PATHWAY_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Include Error Detail=true"
export PATHWAY_TEST_CHROMIUM="$(command -v chromium)"

# 3. Build once, then run every test project. Release: the app's own code is then compiled with optimisations, which
# makes the HTTP and browser tests about a third faster than a Debug build on this machine.
results="$root/TestResults"
rm -rf "$results"
if ! dotnet build Pathway.slnx -c Release -nologo -v quiet; then
  echo "Build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
# A build that reports success must have produced every test assembly; on a heavily loaded machine one once did not.
# Build again, visibly, rather than report "invalid argument" for each missing assembly.
for p in Pathway.Domain.Tests Pathway.Web.Tests Pathway.E2E; do
  if [ ! -f "tests/$p/bin/Release/net10.0/$p.dll" ]; then
    echo "tests/$p was not built; building again"
    dotnet build Pathway.slnx -c Release -nologo -v minimal -m:1 || { echo "Build failed"; echo "0 passed, 1 failed"; exit 1; }
    break
  fi
done
# One project after another: on two cores the HTTP tests (about 4 minutes alone) and the browser tests (about 9, Chromium
# and axe being CPU-bound) finish sooner in turn than side by side, where they fight over the same two cores.
status=0
for p in Pathway.Domain.Tests Pathway.Web.Tests Pathway.E2E; do
  dotnet test "tests/$p/$p.csproj" -c Release --no-build --logger "trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=true || status=1
done

# 4. Sum the counters of every TRX file.
passed=0; failed=0; total=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line"); fl=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${fl:-0})); total=$((total + ${t:-0}))
done
if [ "$total" -eq 0 ]; then failed=$((failed + 1)); fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
