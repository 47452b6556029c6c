#!/usr/bin/env bash
# Adds a migration to both providers' migration sets: scripts/add-migration.sh NameInPascalCase
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Pathway.Data --startup-project src/Pathway.Data \
    --context "${provider}PathwayDbContext" \
    --output-dir "Migrations/${provider}" --namespace "Pathway.Data.Migrations.${provider}"
done
rm -f src/Pathway.Data/design-time.db*
