#!/usr/bin/env bash
# Runs every test project (domain, HTTP, browser) and ends with one line "N passed, N failed, N skipped".
# Installs Debian's Chromium for the browser tests, nginx and Caddy for the real-gateway tests and Redis for the scale-out tests
# (tests/Admin.Web.Tests/Gateway/RealProxiesTests.cs), when they are missing. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get)…"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi

if { ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; } || ! command -v caddy >/dev/null 2>&1 \
  || { ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; }; then
  echo "Installing nginx, Caddy and Redis for the real-gateway and scale-out tests (apt-get)…"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nginx caddy redis-server >/dev/null \
    || { echo "Could not install nginx, caddy and redis-server"; echo "0 passed, 1 failed"; exit 1; }
  # The tests start their own servers on free loopback ports; the packages' services are not needed.
  $sudo_cmd systemctl disable --now redis-server nginx caddy >/dev/null 2>&1 || true
fi

dotnet tool restore >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
if ! dotnet build ApiParticulier.Admin.sln -nologo -v q -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

results="TestResults/trx"
rm -rf "$results"
# One project at a time: the machine has two cores and the browser tests start the app and Chromium.
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

projects=$(ls -d tests/*/ | wc -l)
if [ "$files" -lt "$projects" ]; then
  echo "Only $files of $projects test projects reported results."
  failed=$((failed + projects - files))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
