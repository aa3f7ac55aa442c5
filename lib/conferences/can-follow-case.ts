import 'server-only';
import { mayDo } from '@/lib/use-case/kernel';

/**
 * Whether the user may (still) follow a case's live events: the same rule as seeing the
 * conference. Checked when the stream opens and again before each event is passed on, so a
 * participant who leaves stops receiving events at once.
 */
export async function canFollowCase(userId: string, dossierId: string): Promise<boolean> {
  return mayDo(userId, dossierId, 'conference.view');
}
