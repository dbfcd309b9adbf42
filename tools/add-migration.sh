#!/usr/bin/env bash
# Adds one EF Core migration for each database provider (SQLite and PostgreSQL) and checks that neither provider is
# left with model changes no migration covers. Usage: tools/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: tools/add-migration.sh <MigrationName>}"

dotnet tool restore >/dev/null
dotnet build src/MvpPlanner.Web >/dev/null
ef=(dotnet ef --project src/MvpPlanner.Core --startup-project src/MvpPlanner.Web --no-build)
"${ef[@]}" migrations add "$name" --context PlannerDbContext --output-dir Data/Migrations
"${ef[@]}" migrations add "$name" --context PostgreSqlPlannerDbContext --output-dir Data/PostgreSqlMigrations
dotnet build src/MvpPlanner.Web >/dev/null
"${ef[@]}" migrations has-pending-model-changes --context PlannerDbContext
"${ef[@]}" migrations has-pending-model-changes --context PostgreSqlPlannerDbContext
echo "Added $name for SQLite (Data/Migrations) and PostgreSQL (Data/PostgreSqlMigrations). Plain SQL in a migration"
echo "(migrationBuilder.Sql) must be written for each provider's file."
