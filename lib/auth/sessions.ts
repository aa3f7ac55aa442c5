import 'server-only';
import type { Role } from '@/lib/generated/prisma/enums';
import { withoutActor, withoutTransaction, type Tx } from '@/lib/use-case/kernel';
import { env } from '@/lib/env';

/** Shape of a token as the browser sends it back: anything else is refused before a query. */
const isSessionTokenShape = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Server-side sessions (ASVS 5.0 ch. 7; ADRs 0018, 0020). The browser's cookie (a JWT sealed by
 * next-auth) carries a random token; the database holds its SHA-256 and alone decides whether
 * the session lives: not ended, before its absolute end, active within its idle time, and — for
 * a password login — confirmed with a second factor. Sessions are made, read and ended only by
 * the database's auth_* functions; the app role cannot read the table.
 */

/** The idle and lifetime settings the database applies to a new session. */
export function sessionSettings() {
  const e = env();
  return {
    idleContent: e.SESSION_IDLE_MINUTES,
    idleOther: e.SESSION_IDLE_MINUTES_NO_CONTENT,
    maxHours: e.SESSION_MAX_HOURS,
  };
}

export interface LiveSession {
  id: string;
  userId: string;
  /** what is still missing before the user may work: the second factor, or its enrolment */
  needs: null | 'enrol' | 'verify';
  idleMinutes: number;
  lastSeenAt: Date;
  expiresAt: Date;
  /**
   * With `shell`: who is signed in, for the layout (own name, organisation, roles with their safe
   * houses); null until the second factor is done.
   */
  shell?: SessionShell | null;
}

export interface SessionShell {
  name: string;
  organisationName: string;
  roles: { role: Role; safeHouseName: string | null }[];
}

/** The moment a session ends if nothing happens: its idle end, or its absolute end if sooner. */
export const sessionEndsAt = (s: { lastSeenAt: Date; idleMinutes: number; expiresAt: Date }) =>
  new Date(Math.min(s.lastSeenAt.getTime() + s.idleMinutes * 60_000, s.expiresAt.getTime()));

type StateRow = {
  session_id: string;
  user_id: string;
  needs: 'enrol' | 'verify' | null;
  idle_minutes: number;
  last_seen_at: Date;
  expires_at: Date;
  shell_name?: string | null;
  shell_organisation?: string | null;
  shell_roles?: SessionShell['roles'] | null;
};

/**
 * The live session for a token, or null. With `touch`, this request counts as activity (at most
 * one write per 30 s). A status poll or a live-event stream does not touch.
 */
export async function findLiveSession(
  token: unknown,
  opts: { touch?: boolean; shell?: boolean } = {},
  txIn?: Tx,
): Promise<LiveSession | null> {
  if (!isSessionTokenShape(token)) return null;
  // one statement, so outside a caller's transaction it needs none of its own (issue 11 §3)
  const run = async (tx: Tx) => {
    const [row] = opts.shell
      ? await tx.$queryRaw<StateRow[]>`
          SELECT st.*, sh."name" AS shell_name, sh."organisation_name" AS shell_organisation, sh."roles" AS shell_roles
            FROM auth_session_state(${token}, ${!!opts.touch}) st
            LEFT JOIN LATERAL auth_session_shell(${token}) sh ON sh."user_id" = st."user_id"`
      : await tx.$queryRaw<StateRow[]>`SELECT * FROM auth_session_state(${token}, ${!!opts.touch})`;
    if (!row) return null;
    return {
      id: row.session_id,
      userId: row.user_id,
      needs: row.needs,
      idleMinutes: row.idle_minutes,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      ...(opts.shell
        ? {
            shell:
              row.shell_name && row.shell_organisation
                ? { name: row.shell_name, organisationName: row.shell_organisation, roles: row.shell_roles ?? [] }
                : null,
          }
        : {}),
    } satisfies LiveSession;
  };
  return txIn ? run(txIn) : withoutTransaction(run);
}

/** Ends the session of this token (sign-out). */
export async function endSession(token: unknown, reason = 'afgemeld'): Promise<void> {
  if (!isSessionTokenShape(token)) return;
  await withoutActor((tx) => tx.$executeRaw`SELECT auth_end_session(${token}, ${reason})`);
}
