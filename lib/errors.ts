/**
 * Typed, expected errors. Their message is Dutch and safe to show; anything else is an
 * unexpected error: logged with an id, shown as a generic message.
 */
import { errorInfo, logger } from './ops/logger';
export type ErrorCode = 'NOT_FOUND' | 'VALIDATION' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN_ACTION';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  // Only for actions that reveal nothing (e.g. an analyst opening the audit log). Anything about
  // a dossier the actor may not see is NOT_FOUND: "not allowed" looks like "not found".
  FORBIDDEN_ACTION: 403,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'Niet gevonden.');
/** The session has ended (or never was complete): the page sends the user to the login. */
export const sessionEnded = () => new AppError('UNAUTHENTICATED', 'Je sessie is verlopen. Meld je opnieuw aan.');
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalid = (message: string, fieldErrors?: Record<string, string>) =>
  new AppError('VALIDATION', message, fieldErrors);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Logs an unexpected error with a short id — its name and code only, never the request's
 * content — and returns the id, to show the user (forms and route handlers alike).
 */
export function reportUnexpected(err: unknown): string {
  const id = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(4)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  // name and code only: a message may quote data (a value, an e-mail address, a query)
  logger.error({ errorId: id, ...errorInfo(err) }, 'unexpected error');
  return id;
}
