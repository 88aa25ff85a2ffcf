#!/usr/bin/env bash
# Fails when the Drizzle schema has changed without a committed migration.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(ls drizzle/*.sql | wc -l)
npx drizzle-kit generate --name uncommitted_schema_change >/dev/null
after=$(ls drizzle/*.sql | wc -l)
if [ "$before" != "$after" ]; then
  echo "Schema changed without a migration. Run: npm run db:generate -- --name <what_changed>" >&2
  git checkout -- drizzle/meta 2>/dev/null || true
  ls drizzle/*uncommitted_schema_change.sql | xargs rm -f
  exit 1
fi
echo "migrations up to date"
