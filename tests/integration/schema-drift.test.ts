import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownerDb } from '../helpers/db';

/**
 * The SQL migrations are the source of truth; prisma/schema.prisma must describe the same
 * tables and columns (ADR 0002). A column in one and not the other fails here.
 */
function schemaColumns(): Map<string, Set<string>> {
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
  const models = new Map<string, Set<string>>();
  const enums = new Set([...text.matchAll(/^enum (\w+)/gm)].map((m) => m[1]!));
  const modelNames = new Set([...text.matchAll(/^model (\w+)/gm)].map((m) => m[1]!));
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const cols = new Set<string>();
    for (const line of m[2]!.split('\n')) {
      const f = line.trim().match(/^(\w+)\s+(\w+)(\[\])?(\?)?/);
      if (!f || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
      const type = f[2]!;
      if (modelNames.has(type)) continue; // relation field, no column
      if (!enums.has(type) && !/^(String|Int|BigInt|Boolean|DateTime|Json|Decimal|Float|Bytes)$/.test(type)) continue;
      cols.add(f[1]!);
    }
    models.set(m[1]!, cols);
  }
  return models;
}

describe('schema.prisma mirrors the SQL migrations', () => {
  it('has the same tables and columns as the migrated database', async () => {
    const rows = await ownerDb().$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         -- a partition is part of its table (ADR 0028), not a model of its own
         AND table_name NOT IN (SELECT c.relname FROM pg_class c WHERE c.relispartition)`;
    const db = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!db.has(r.table_name)) db.set(r.table_name, new Set());
      db.get(r.table_name)!.add(r.column_name);
    }
    const prisma = schemaColumns();
    const describeMap = (m: Map<string, Set<string>>) =>
      Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([t, c]) => [t, [...c].sort()]));
    expect(describeMap(prisma)).toEqual(describeMap(db));
  });
});
