import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { requireDossierAction } from './context';

/**
 * Whether the user may (still) follow a case's live events: the same rule as seeing the
 * conference. Checked when the stream opens and again before each event is passed on, so a
 * participant who leaves stops receiving events at once.
 */
export async function canFollowCase(userId: string, dossierId: string): Promise<boolean> {
  try {
    await withActor(userId, (tx, actor) => requireDossierAction(tx, actor, dossierId, 'conference.view', 'followCase'));
    return true;
  } catch {
    return false;
  }
}
