/**
 * Writes the partner API's OpenAPI 3.1 document (ADR 0045) from the zod schemas:
 *   npx tsx scripts/openapi.ts
 * tests/unit/openapi.test.ts fails when the committed copy is out of date, so that every change of
 * the contract shows in review.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../lib/partner-api/openapi';

export const OPENAPI_PATH = 'docs/openapi.json';
const options = (await resolveConfig(OPENAPI_PATH)) ?? {};
writeFileSync(OPENAPI_PATH, await format(JSON.stringify(openApiDocument()), { ...options, parser: 'json' }));
console.log(`wrote ${OPENAPI_PATH}`);
