import { currentSession, withSessionToken } from '@/lib/auth/session';
import { findLiveSession } from '@/lib/auth/sessions';
import { canFollowCase } from '@/lib/conferences/can-follow-case';
import { caseEvents } from '@/lib/realtime/case-events';
import { onShutdown } from '@/lib/ops/shutdown';

/** How often an open stream asks whether its session still lives (ADR 0018). */
const SESSION_CHECK_MS = 15_000;

/**
 * Server-sent events for one case: ids of what changed (a vote, a proposal, information), never
 * content. The browser then reloads the data it may see through the normal, logged read. The
 * stream closes as soon as its session has ended (signed out, idle, expired, a role change):
 * checked before every event and every 15 s. Listening is not activity.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  // one read of the session: its user and the token the stream keeps checking
  const session = await currentSession();
  if (!session || session.needs) return new Response('Niet aangemeld.', { status: 401 });
  const { userId, token } = session;
  const sessionLives = async () => !!(await findLiveSession(token).catch(() => null));
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/.test(id) || !(await canFollowCase(userId, id)))
    return new Response('Niet gevonden.', { status: 404 });

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      // a graceful shutdown ends the stream; the browser reconnects elsewhere (ADR 0046). Registered
      // before the first await: a SIGTERM while the subscription is still being made ends it too
      const offShutdown = onShutdown(close);
      cleanup = offShutdown;
      send('retry: 3000\n: verbonden\n\n');
      const unsubscribe = await caseEvents().subscribe(id, (event) => {
        // outside the request's scope now: the use case acts in this stream's session
        void Promise.all([sessionLives(), withSessionToken(token, () => canFollowCase(userId, id))]).then(
          ([live, allowed]) => {
            if (!live || !allowed) return close();
            send(`event: case\ndata: ${JSON.stringify({ kind: event.kind, objectId: event.objectId })}\n\n`);
          },
          close,
        );
      });
      if (closed) {
        // ended (shutdown or abort) while subscribing
        unsubscribe();
        return;
      }
      const heartbeat = setInterval(() => send(': ping\n\n'), 25_000);
      const watch = setInterval(() => {
        void sessionLives().then((live) => {
          if (!live) close();
        });
      }, SESSION_CHECK_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(watch);
        offShutdown();
        unsubscribe();
      };
      req.signal.addEventListener('abort', close);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
