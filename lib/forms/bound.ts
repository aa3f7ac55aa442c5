import 'server-only';
import { notFound } from 'next/navigation';
import { recordAudit } from '@/lib/audit/log';
import { currentUserId } from '@/lib/auth/session';
import { withActor } from '@/lib/use-case/kernel';
import { z } from '@/lib/validation/zod';

/**
 * Bound arguments of a server action come back from the browser like any form field, and can
 * be forged (issue 9 §4). Every action checks them first, with this one helper: an argument
 * named `…Id` is a UUID, anything else a short code (an enum value); flags, passed apart, are
 * booleans. A forged argument is logged as a denied attempt and answers "not found" (404),
 * never a 500 — before any use case runs.
 */
const id = z.uuid();
const code = z.string().regex(/^[a-zA-Z-]{1,30}$/);

/** The names of the arguments that are not what they must be (for the tests, and the log). */
export function forgedArguments(args: Record<string, unknown>, flags: Record<string, unknown> = {}): string[] {
  const bad = Object.entries(args).filter(
    ([name, value]) => !(name.endsWith('Id') ? id : code).safeParse(value).success,
  );
  const badFlags = Object.entries(flags).filter(([, value]) => !z.boolean().safeParse(value).success);
  return [...bad, ...badFlags].map(([name]) => name);
}

export async function bound(args: Record<string, unknown>, flags: Record<string, unknown> = {}): Promise<void> {
  const forged = forgedArguments(args, flags);
  if (!forged.length) return;
  const userId = await currentUserId();
  if (userId) {
    await withActor(userId, (tx, actor) =>
      recordAudit(tx, actor, {
        action: 'action.forged',
        objectType: 'ServerAction',
        objectId: forged.join(',').slice(0, 100),
        purpose: 'security',
        outcome: 'DENIED',
      }),
    ).catch(() => undefined);
  }
  notFound();
}
