import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { buildOpenApiDocument, openApiDocument } from '@/lib/partner-api/openapi';
import { referralSchema } from '@/lib/referrals/schemas';

/**
 * The partner API's OpenAPI document (issue 14 §2; ADR 0045) is a valid OpenAPI 3.1 document,
 * every schema in it is valid JSON Schema 2020-12 and every reference resolves, each path is a
 * route of the app, the request is the referral form's own schema, and the document is stable:
 * equal to the committed docs/openapi.json (regenerate with `npx tsx scripts/openapi.ts`).
 */
const root = path.resolve(import.meta.dirname, '../..');
const doc = openApiDocument() as unknown as {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
};

const newAjv = () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // a format of the 3.1 document schema (media types of `content`), not one of ajv-formats
  ajv.addFormat('media-range', /^[\w.+-]+\/[\w.+*-]+/);
  return ajv;
};

describe('the OpenAPI document of the partner API', () => {
  it('is a valid OpenAPI 3.1 document (the OpenAPI Initiative’s schema of 3.1 documents)', () => {
    // Ajv resolves `$dynamicRef: '#meta'` only partly; without a dialect extension it means the
    // Schema Object definition, so it is replaced by a plain reference to it
    const text = readFileSync(path.join(root, 'tests/fixtures/openapi-3.1-schema.yaml'), 'utf8');
    const schema = parse(text.replaceAll("$dynamicRef: '#meta'", "$ref: '#/$defs/schema'"));
    expect(text).toContain("$dynamicRef: '#meta'");
    const validate = newAjv().compile(schema);
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    // a broken document is refused: the check can fail
    expect(validate({ ...doc, paths: { 'no-slash': {} } })).toBe(false);
    expect(validate({ ...doc, info: {} })).toBe(false);
  });

  it('has schemas that are valid JSON Schema 2020-12, and every $ref resolves', () => {
    const ajv = newAjv();
    const text = JSON.stringify(doc);
    for (const ref of new Set([...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!))) {
      const m = /^#\/components\/(schemas|securitySchemes)\/(.+)$/.exec(ref);
      expect(m, ref).not.toBeNull();
      expect(doc.components[m![1] as 'schemas'][m![2]!], ref).toBeDefined();
    }
    const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
    ajv.addSchema({ $id: 'urn:vhd:openapi', $defs: defs });
    for (const name of Object.keys(defs)) expect(() => ajv.getSchema(`urn:vhd:openapi#/$defs/${name}`)).not.toThrow();
  });

  it('describes exactly the routes the app has, each behind the API key but the document itself', () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      const file = path.join(root, 'app', p.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
      expect(existsSync(file), file).toBe(true);
      const source = readFileSync(file, 'utf8');
      for (const [method, op] of Object.entries(ops)) {
        expect(source, `${method} ${p}`).toMatch(new RegExp(`export (async )?function ${method.toUpperCase()}\\b`));
        if (p === '/api/v1/openapi.json') expect(op.security).toBeUndefined();
        else {
          expect(op.security, `${method} ${p}`).toEqual([{ apiKey: [] }]);
          for (const status of ['401', '403', '429', '500']) expect(Object.keys(op.responses)).toContain(status);
        }
      }
    }
  });

  it('takes a referral with the referral form’s own fields', () => {
    const submission = doc.components.schemas.ReferralSubmission as { properties: Record<string, unknown> };
    expect(Object.keys(submission.properties).sort()).toEqual(Object.keys(referralSchema('submit').shape).sort());
  });

  it('is stable: generated twice alike, and equal to the committed docs/openapi.json', () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc));
    const committed = JSON.parse(readFileSync(path.join(root, 'docs/openapi.json'), 'utf8'));
    expect(committed, 'docs/openapi.json is out of date: npx tsx scripts/openapi.ts').toEqual(
      JSON.parse(JSON.stringify(doc)),
    );
  });
});
