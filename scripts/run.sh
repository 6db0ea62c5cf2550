#!/usr/bin/env bash
# Runs the back-office locally: restores .NET and npm packages (DSFR), builds, creates and migrates
# the SQLite database under src/Admin.Web/App_Data, seeds demo data (Development) and listens on
# http://localhost:5080. E-mails are written to src/Admin.Web/App_Data/emails/*.eml.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
web=src/Admin.Web
echo "Preparing API Particulier Admin (${ASPNETCORE_ENVIRONMENT})…"
# On a fresh machine the DSFR (npm) downloads while .NET restores and builds.
if [ ! -f "$web/node_modules/@gouvfr/dsfr/dist/dsfr.min.css" ]; then
  (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) &
  npm_pid=$!
fi
dotnet build "$web" -p:SkipDsfr=true -nologo -v q -clp:ErrorsOnly
if [ -n "${npm_pid:-}" ]; then wait "$npm_pid"; fi
[ -f "$web/wwwroot/lib/dsfr/dsfr.min.css" ] || dotnet msbuild "$web" -t:CopyDsfr -nologo -v q
echo "Starting on http://localhost:5080 — Ctrl+C to stop."
exec dotnet run --no-build --project "$web" --launch-profile Admin.Web
