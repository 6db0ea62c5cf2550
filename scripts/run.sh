#!/usr/bin/env bash
# Runs the back-office locally: restores .NET and npm packages (DSFR), builds, creates and migrates
# the SQLite database under src/Admin.Web/App_Data, seeds demo data (Development) and listens on
# http://localhost:5080. E-mails are written to src/Admin.Web/App_Data/emails/*.eml.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
echo "Starting API Particulier Admin (${ASPNETCORE_ENVIRONMENT}) on http://localhost:5080 — Ctrl+C to stop."
exec dotnet run --project src/Admin.Web --launch-profile Admin.Web
