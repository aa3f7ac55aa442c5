import 'server-only';
import { currentUserId } from '@/lib/auth/session';

/**
 * The route handlers that take a form posted by the page's own script (attachment upload, dossier
 * export and import): JSON answers that are never cached, and the gate before the body is read.
 */
export const noStoreJson = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * Whether the request's Origin names this host. A missing or malformed Origin (`new URL` would
 * throw — a 500) is refused like another origin.
 */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  return originHost === host;
}

/**
 * A form of this site only (as Next.js checks for server actions), from a signed-in user: the
 * user's id, or the answer that refuses the request (403 for another origin, 401 without a session).
 */
export async function formPoster(req: Request): Promise<{ userId: string } | { refused: Response }> {
  if (!sameOrigin(req)) return { refused: new Response('Niet toegelaten.', { status: 403 }) };
  const userId = await currentUserId();
  if (!userId) return { refused: new Response('Niet aangemeld.', { status: 401 }) };
  return { userId };
}
