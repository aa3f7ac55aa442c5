import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { GET as listRoute, POST as submitRoute } from '@/app/api/v1/aanmeldingen/route';
import { GET as oneRoute } from '@/app/api/v1/aanmeldingen/[id]/route';
import { GET as housesRoute } from '@/app/api/v1/veilige-huizen/route';
import { GET as documentRoute } from '@/app/api/v1/openapi.json/route';
import { createApiKey } from '@/lib/partner-api/create-api-key';
import { revokeApiKey } from '@/lib/partner-api/revoke-api-key';
import { checkAdmission } from '@/lib/admission/check-admission';
import { addDays, brusselsToday } from '@/lib/time';
import { makeOrganisation } from '@/prisma/factories';
import { ownerDb } from '../helpers/db';
import { admissionCheck, completeReferral } from '../helpers/forms';
import { buildScenario, type Scenario } from '../helpers/scenario';

/**
 * Contract test of the partner API (issue 14 §2; ADR 0045): real calls of the route handlers
 * against PostgreSQL — successes and errors — and each answer checked against the OpenAPI document
 * the app serves: the status is documented for that operation, the media type is the documented
 * one, the body validates against the documented schema (ajv, JSON Schema 2020-12) and documented
 * headers are present.
 */
type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { content?: Record<string, { schema: object }>; headers?: Record<string, unknown> }> }
    >
  >;
  components: { schemas: Record<string, object> };
};

let doc: Doc;
let ajv: Ajv2020;
let s: Scenario;
let key: string;
const checked = new Set<string>();

beforeAll(async () => {
  const res = await documentRoute();
  expect(res.status).toBe(200);
  doc = await res.json();
  ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
  ajv.addSchema({ $id: 'urn:vhd:openapi', $defs: defs });
  s = await buildScenario();
  const org = await makeOrganisation(ownerDb(), { kind: 'MEDICAL_SECTOR' });
  key = (await newKey(org.id, ['referrals:write', 'referrals:read'], '100')).key;
});

const newKey = (organisationId: string, scopes: string[], rateLimitPerMinute: string) =>
  createApiKey(s.users.admin.id, {
    organisationId,
    name: 'Contracttest',
    scopes,
    expiresOn: addDays(brusselsToday(), 10),
    rateLimitPerMinute,
  });

/** Validates one real answer against the document; returns its parsed body. */
async function conforms(res: Response, method: string, template: string, status: number): Promise<unknown> {
  expect(res.status, `${method} ${template}`).toBe(status);
  const op = doc.paths[template]?.[method];
  expect(op, `${method} ${template} is documented`).toBeDefined();
  const documented = op!.responses[String(status)];
  expect(documented, `${status} is documented for ${method} ${template}`).toBeDefined();
  const [mediaType, media] = Object.entries(documented!.content ?? {})[0]!;
  expect(res.headers.get('content-type') ?? '').toContain(mediaType);
  for (const h of Object.keys(documented!.headers ?? {})) expect(res.headers.get(h), h).not.toBeNull();
  const body = await res.json();
  const schema = JSON.parse(
    JSON.stringify(media.schema).replaceAll('#/components/schemas/', 'urn:vhd:openapi#/$defs/'),
  );
  const validate: ValidateFunction = ajv.compile(schema);
  const ok = validate(body);
  expect(validate.errors ?? [], `${method} ${template} ${status}: ${JSON.stringify(body)}`).toEqual([]);
  expect(ok).toBe(true);
  checked.add(`${method} ${template} ${status}`);
  return body;
}

const request = (p: string, k: string | null, init: { method?: string; body?: string; type?: string } = {}) =>
  new Request(`http://localhost${p}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(k ? { authorization: `Bearer ${k}` } : {}),
      ...(init.body !== undefined ? { 'content-type': init.type ?? 'application/json' } : {}),
    },
    body: init.body,
  });
const oneReq = (id: string, k: string | null) =>
  oneRoute(request(`/api/v1/aanmeldingen/${id}`, k), { params: Promise.resolve({ id }) });

describe('the partner API answers as its OpenAPI document says', () => {
  it('submitting: 201 with Location, 422 with field errors, 400, 415', async () => {
    const P = '/api/v1/aanmeldingen';
    const body = JSON.stringify(completeReferral(s.houseA.id));
    const created = (await conforms(await submitRoute(request(P, key, { method: 'POST', body })), 'post', P, 201)) as {
      id: string;
    };
    expect(created.id).toBeTruthy();
    const invalid = (await conforms(
      await submitRoute(request(P, key, { method: 'POST', body: JSON.stringify({ safeHouseId: 'x' }) })),
      'post',
      P,
      422,
    )) as { errors: Record<string, string> };
    expect(Object.keys(invalid.errors).length).toBeGreaterThan(3);
    await conforms(await submitRoute(request(P, key, { method: 'POST', body: '{' })), 'post', P, 400);
    await conforms(
      await submitRoute(request(P, key, { method: 'POST', body: 'x', type: 'text/plain' })),
      'post',
      P,
      415,
    );
  });

  it('reading: the list, one referral before and after the decision, 404 for another’s', async () => {
    const P = '/api/v1/aanmeldingen';
    const made = (await (
      await submitRoute(request(P, key, { method: 'POST', body: JSON.stringify(completeReferral(s.houseA.id)) }))
    ).json()) as { id: string };
    await conforms(await listRoute(request(P, key)), 'get', P, 200);
    await conforms(await oneReq(made.id, key), 'get', `${P}/{id}`, 200);
    await checkAdmission(
      s.users.coordA.id,
      made.id,
      admissionCheck({ criterion1Met: 'nee', decisionReasons: 'Geen verhoogd risico op herhaling.' }),
    );
    const after = (await conforms(await oneReq(made.id, key), 'get', `${P}/{id}`, 200)) as { status: string };
    expect(after.status).toBe('NOT_ADMISSIBLE');
    await conforms(await oneReq(s.dossiers.submittedA.id, key), 'get', `${P}/{id}`, 404);
    await conforms(await housesRoute(request('/api/v1/veilige-huizen', key)), 'get', '/api/v1/veilige-huizen', 200);
  });

  it('refusing: 401 (no key, revoked), 403 (scope), 429 (limit) — problem bodies as documented', async () => {
    const P = '/api/v1/aanmeldingen';
    const org = await makeOrganisation(ownerDb(), { kind: 'CAW' });
    await conforms(await listRoute(request(P, null)), 'get', P, 401);
    const revoked = await newKey(org.id, ['referrals:read'], '10');
    await revokeApiKey(s.users.admin.id, revoked.id);
    await conforms(await oneReq(s.dossiers.submittedA.id, revoked.key), 'get', `${P}/{id}`, 401);
    const readOnly = await newKey(org.id, ['referrals:read'], '10');
    await conforms(await submitRoute(request(P, readOnly.key, { method: 'POST', body: '{}' })), 'post', P, 403);
    await conforms(
      await housesRoute(request('/api/v1/veilige-huizen', readOnly.key)),
      'get',
      '/api/v1/veilige-huizen',
      403,
    );
    const limited = await newKey(org.id, ['referrals:read'], '1');
    // two calls in one minute window: the second is over the limit (again if a minute turned between them)
    for (let attempt = 0; attempt < 3; attempt++) {
      await listRoute(request(P, limited.key));
      const second = await listRoute(request(P, limited.key));
      if (second.status !== 429) continue;
      await conforms(second, 'get', P, 429);
      break;
    }
    expect(checked).toContain(`get ${P} 429`);
  });

  it('covered every documented answer a test can provoke without breaking the server', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([m, op]) => Object.keys(op.responses).map((st) => `${m} ${p} ${st}`)),
    );
    const provokable = documented.filter((d) => !d.endsWith(' 500') && !d.startsWith('get /api/v1/openapi.json'));
    const missing = provokable.filter((d) => !checked.has(d));
    // the 401/403/429 of the operations not called with such a key share the same problem body
    expect(
      missing.every((d) => / (401|403|429)$/.test(d)),
      missing.join(', '),
    ).toBe(true);
  });
});
