import 'server-only';
import { moveSession } from './open-session';

/**
 * The coordinator closes the session: no more information or votes at it (art. 13). Minutes,
 * decisions and the action plan of the session can still be completed afterwards, and an
 * organisation can still correct or withdraw what it brought in (art. 15 §2; ADR 0033).
 */
export async function closeSession(userId: string, sessionId: string, now = new Date()) {
  return moveSession(userId, sessionId, { from: 'OPEN', to: 'CLOSED' }, now);
}
