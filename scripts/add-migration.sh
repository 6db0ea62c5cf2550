#!/usr/bin/env bash
# Adds a migration with the same name to both providers (SQLite and SQL Server).
# Usage: scripts/add-migration.sh AddOrganizations
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project src/Admin.Infrastructure --startup-project src/Admin.Infrastructure \
    --context "${provider}AdminDbContext" \
    --output-dir "Persistence/Migrations/$provider" $([ "$provider" = SqlServer ] && echo --no-build)
done
