import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from '@/lib/validation/zod';
import { referralSchema } from '@/lib/referrals/schemas';
import {
  problemSchema,
  referralCreatedSchema,
  referralStatusListSchema,
  referralStatusSchema,
  safeHouseListSchema,
} from './schemas';

/**
 * The OpenAPI 3.1 document of the partner API (issue 14 §2; ADR 0045), generated from the same zod
 * objects the routes validate with: the referral form's schema for the request, lib/partner-api's
 * for the answers. Served at /api/v1/openapi.json; a committed copy (docs/openapi.json) keeps
 * changes visible in review, and the contract test checks real answers against it.
 */

export const API_VERSION = '1.0.0';

const PROBLEM_CONTENT = { 'application/problem+json': { schema: problemSchema } };
const problemResponse = (description: string, headers?: Record<string, { description: string; schema: object }>) => ({
  description,
  content: PROBLEM_CONTENT,
  ...(headers ? { headers } : {}),
});

const COMMON_ERRORS = {
  401: problemResponse('No valid API key: unknown, revoked or expired — the answer does not say which'),
  403: problemResponse('The key lacks the scope this operation needs'),
  429: problemResponse('Too many calls with this key in the current minute', {
    'Retry-After': { description: 'Seconds until the next minute window', schema: { type: 'integer', minimum: 1 } },
  }),
  500: problemResponse('Unexpected error; the title carries an error code for the helpdesk'),
};

/** Builds the document afresh (the tests check that two builds are alike). */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'vhd_<12 hex>_<43 base64url>',
    description:
      'A key of your organisation, made by the functional administrator under /beheer/api-sleutels. ' +
      'Scopes: referrals:write (submit referrals, list safe houses), referrals:read (status and outcome of your own referrals).',
  });
  const security = [{ [bearer.name]: [] }];
  // named by `.meta({ id })`: a component under #/components/schemas
  const submission = referralSchema('submit').meta({ id: 'ReferralSubmission' });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/veilige-huizen',
    operationId: 'listSafeHouses',
    summary: 'The safe houses one can refer to (scope referrals:write)',
    security,
    responses: {
      200: {
        description: 'Every safe house, by name',
        content: { 'application/json': { schema: safeHouseListSchema } },
      },
      ...COMMON_ERRORS,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/aanmeldingen',
    operationId: 'submitReferral',
    summary: 'Submit a referral (art. 11) to the coordinator of a safe house (scope referrals:write)',
    description:
      'The fixed referral form as JSON: the same fields, rules and Dutch messages as the form in the app. ' +
      'A field left out counts as left empty. The referral is made by your organisation’s API account.',
    security,
    request: { body: { required: true, content: { 'application/json': { schema: submission } } } },
    responses: {
      201: {
        description: 'Submitted; the coordinator of the safe house sees it in their inbox',
        headers: { Location: { description: 'URL of the referral’s status', schema: { type: 'string' } } },
        content: { 'application/json': { schema: referralCreatedSchema } },
      },
      400: problemResponse('The body is not valid JSON'),
      415: problemResponse('The body is not application/json'),
      422: problemResponse('The referral is not complete or not valid; `errors` names each field in Dutch'),
      ...COMMON_ERRORS,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/aanmeldingen',
    operationId: 'listReferrals',
    summary: 'Status and outcome of your organisation’s referrals made through the API (scope referrals:read)',
    security,
    responses: {
      200: {
        description: 'Newest first, at most 200; closed dossiers are no longer listed',
        content: { 'application/json': { schema: referralStatusListSchema } },
      },
      ...COMMON_ERRORS,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/aanmeldingen/{id}',
    operationId: 'getReferral',
    summary: 'Status and outcome of one of your referrals (scope referrals:read)',
    security,
    request: { params: z.object({ id: z.string().uuid() }) },
    responses: {
      200: { description: 'The referral', content: { 'application/json': { schema: referralStatusSchema } } },
      404: problemResponse('Not one of your referrals (or no longer visible)'),
      ...COMMON_ERRORS,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document (no key needed)',
    responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.object({}) } } } },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Veilig Huis Dossier — partner API',
      version: API_VERSION,
      description:
        'For the systems of partner organisations (art. 10): submit a referral and follow its status and outcome. ' +
        'Nothing else of a dossier is available (art. 458ter Sw.). Guide: docs/api.md.',
    },
    servers: [{ url: '/' }],
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document (built once per process; it depends on nothing but the code). */
export function openApiDocument(): ReturnType<typeof buildOpenApiDocument> {
  cached ??= buildOpenApiDocument();
  return cached;
}
