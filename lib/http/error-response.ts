import 'server-only';
import { HTTP_STATUS, isAppError, reportUnexpected } from '@/lib/errors';

/**
 * The one answer of a route handler to an error, from the same status table as the forms
 * (lib/errors.ts): "not allowed" and "not found" are both 404 (nothing to learn); a validation
 * error is 422 with its Dutch messages; a conflict 409; no session 401. Anything unexpected is
 * logged with an id — never with the request's content — and answered 500 with that id.
 */
export function errorResponse(err: unknown): Response {
  const text = (body: string, status: number) =>
    new Response(body, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  if (isAppError(err)) {
    if (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN_ACTION') return text('Niet gevonden.', 404);
    const details = Object.values(err.fieldErrors ?? {});
    return text([err.message, ...details].join('\n'), HTTP_STATUS[err.code]);
  }
  const id = reportUnexpected(err);
  return text(`Er ging iets mis (foutcode ${id}). Probeer het opnieuw.`, 500);
}
