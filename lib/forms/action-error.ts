import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { isAppError, reportUnexpected } from '@/lib/errors';
import type { FormState } from './form-state';

/**
 * Turns an error from a use case into the form's answer. Expected errors are shown in Dutch;
 * "not found" (also "not allowed") shows the 404 page; anything else is logged with an id —
 * without the form's content — and shown as a generic message. The values always come back,
 * so nothing the user typed is lost.
 */
export function formError<V>(err: unknown, values: V, prev: FormState<V>): FormState<V> {
  const next = { values, version: prev.version + 1, status: 'error' as const };
  if (isAppError(err)) {
    if (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN_ACTION') notFound();
    if (err.code === 'UNAUTHENTICATED') redirect('/login?fout=sessie');
    return { ...next, message: err.message, errors: err.fieldErrors ?? {} };
  }
  const id = reportUnexpected(err);
  return {
    ...next,
    message: `Er ging iets mis bij het bewaren (foutcode ${id}). Je invoer staat nog in het formulier; probeer het opnieuw.`,
    errors: {},
  };
}
