import 'server-only';
import { clientAddress } from '@/lib/auth/client-address';
import { withSessionToken } from '@/lib/db/session-token';
import { isAppError, reportUnexpected } from '@/lib/errors';
import { withoutTransaction } from '@/lib/use-case/kernel';
import type { ApiScope, Problem } from './schemas';

/**
 * One call of the partner API (issue 14 §2; ADR 0045). The key from `Authorization: Bearer …` is
 * checked inside the database (api_key_begin): unknown, revoked or expired is 401, a key without
 * the scope 403, over its limit 429 with Retry-After — each with the same short problem body, and
 * each in the access log. An accepted call runs as the organisation's API account in a session
 * that lives for this call only (the use cases, the policy and row-level security as for a person),
 * and that session is deleted when the answer is ready.
 */

export interface ApiRoute {
  scope: ApiScope;
  /** the route's template for the access log, e.g. 'GET /api/v1/aanmeldingen/{id}' — never a URL with ids */
  route: string;
}

const HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

const PROBLEM_TYPE = 'urn:vhd:problem:';

export function problem(status: number, slug: string, title: string, extra: Partial<Problem> = {}, headers = {}) {
  const body: Problem = { type: `${PROBLEM_TYPE}${slug}`, title, status, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...HEADERS, 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

export const unauthorized = () =>
  problem(
    401,
    'unauthorized',
    'Geen geldige API-sleutel.',
    {},
    { 'WWW-Authenticate': 'Bearer realm="vhd-api", error="invalid_token"' },
  );

type Begin = {
  outcome: 'ok' | 'unknown' | 'revoked' | 'expired' | 'scope' | 'rate';
  token: string | null;
  user_id: string | null;
  retry_after: number | null;
};

/** The problem answer of an error thrown by a use case (the same status table as the forms). */
export function errorProblem(err: unknown): Response {
  if (isAppError(err)) {
    switch (err.code) {
      case 'NOT_FOUND':
      case 'FORBIDDEN_ACTION':
        return problem(404, 'not-found', 'Niet gevonden.');
      case 'VALIDATION':
        return problem(422, 'validation', err.message, err.fieldErrors ? { errors: err.fieldErrors } : {});
      case 'CONFLICT':
        return problem(409, 'conflict', err.message);
      case 'UNAUTHENTICATED':
        return unauthorized();
    }
  }
  const id = reportUnexpected(err);
  return problem(500, 'internal', `Er ging iets mis (foutcode ${id}).`);
}

export async function apiCall(
  req: Request,
  spec: ApiRoute,
  run: (userId: string) => Promise<Response>,
): Promise<Response> {
  const header = req.headers.get('authorization') ?? '';
  const key = /^Bearer +(\S{1,200})$/i.exec(header)?.[1] ?? '';
  let begin: Begin;
  try {
    const [row] = await withoutTransaction(
      (c) => c.$queryRaw<Begin[]>`
        SELECT outcome, token, user_id, retry_after
          FROM api_key_begin(${key}, ${spec.scope}, ${spec.route}, ${clientAddress(req.headers.get('x-forwarded-for'))})`,
    );
    begin = row!;
  } catch (err) {
    return errorProblem(err);
  }
  switch (begin.outcome) {
    case 'ok':
      break;
    case 'scope':
      return problem(403, 'forbidden', 'Deze sleutel heeft niet het recht voor deze aanvraag.', {
        detail: `Nodig: ${spec.scope}.`,
      });
    case 'rate':
      return problem(
        429,
        'rate-limited',
        'Te veel aanvragen met deze sleutel. Probeer het later opnieuw.',
        {},
        { 'Retry-After': String(begin.retry_after ?? 60) },
      );
    default:
      return unauthorized();
  }
  const token = begin.token!;
  try {
    return await withSessionToken(token, () => run(begin.user_id!));
  } catch (err) {
    return errorProblem(err);
  } finally {
    await withoutTransaction((c) => c.$executeRaw`SELECT api_key_end(${token})`).catch((err) => reportUnexpected(err));
  }
}

/** The JSON body of a request, or a problem answer (400, 415). */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    return { ok: false, response: problem(415, 'unsupported-media-type', 'Stuur de aanvraag als application/json.') };
  try {
    return { ok: true, body: await req.json() };
  } catch {
    return { ok: false, response: problem(400, 'bad-request', 'De aanvraag is geen geldige JSON.') };
  }
}
