/**
 * Writes the published JSON Schema of the dossier export (ADR 0047) from the zod schema:
 *   npx tsx scripts/dossier-export-schema.ts
 * tests/unit/dossier-export-archive.test.ts fails when the published file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { dossierExportJsonSchema } from '../lib/dossier-export/schema';

export const SCHEMA_PATH = 'docs/schemas/dossier-export-v1.schema.json';
writeFileSync(SCHEMA_PATH, JSON.stringify(dossierExportJsonSchema(), null, 2) + '\n');
console.log(`wrote ${SCHEMA_PATH}`);
