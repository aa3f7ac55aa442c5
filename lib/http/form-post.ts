import 'server-only';
import { currentUserId } from '@/lib/auth/session';

/**
 * The route handlers that take a form posted by the page's own script (attachment upload, dossier
 * export and import): JSON answers that are never cached, and the gate before the body is read.
 */
export const noStoreJson = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * A form of this site only (as Next.js checks for server actions), from a signed-in user: the
 * user's id, or the answer that refuses the request (403 for another origin, 401 without a session).
 */
export async function formPoster(req: Request): Promise<{ userId: string } | { refused: Response }> {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host)
    return { refused: new Response('Niet toegelaten.', { status: 403 }) };
  const userId = await currentUserId();
  if (!userId) return { refused: new Response('Niet aangemeld.', { status: 401 }) };
  return { userId };
}
