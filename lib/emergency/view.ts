import 'server-only';
import type { Tx } from '@/lib/use-case/kernel';

/** What the rule below needs of a session of the case (ADR 0033: planned → open → closed). */
export interface SessionMoment {
  startsAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
}

/**
 * An urgent disclosure is discussed at the first session of its case that was OPENED after it was
 * recorded and has been CLOSED since (ADR 0035, amended with the session states of ADR 0033).
 * Until then it is "te bespreken": on the agenda of the case's open or next planned session.
 */
function discussedAt(recordedAt: Date, sessions: readonly SessionMoment[]): Date | null {
  const held = sessions
    .filter((s) => s.openedAt !== null && s.closedAt !== null && s.openedAt.getTime() > recordedAt.getTime())
    .map((s) => s.closedAt!)
    .sort((a, b) => a.getTime() - b.getTime());
  return held[0] ?? null;
}

/** Whether a session can still take up a disclosure recorded at `recordedAt`: not yet opened, or opened after it. */
const takesUp = (s: SessionMoment, recordedAt: Date) =>
  s.closedAt === null && (s.openedAt === null || s.openedAt.getTime() > recordedAt.getTime());

/** The urgent disclosures of a case as the conference workspace shows them, newest first. */
export async function emergencyDisclosuresOf(tx: Tx, dossierId: string, sessions: readonly SessionMoment[]) {
  const rows = await tx.emergencyDisclosure.findMany({ where: { dossierId }, orderBy: { createdAt: 'desc' } });
  return rows.map((r) => {
    const at = discussedAt(r.createdAt, sessions);
    // the session it comes up at: the first one that can still take it up
    const next = at
      ? null
      : ([...sessions]
          .filter((s) => takesUp(s, r.createdAt))
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]?.startsAt ?? null);
    return { ...r, toDiscuss: at === null, discussedAt: at, nextSession: next };
  });
}

/**
 * For a session's agenda: per case, how many urgent disclosures are to be discussed in it — those
 * not discussed at another session of the case (ADR 0035).
 */
export async function emergenciesForSession(
  tx: Tx,
  dossierIds: string[],
  session: { id: string; startsAt: Date; openedAt: Date | null; closedAt: Date | null },
) {
  const [agenda, rows] = await Promise.all([
    tx.agendaItem.findMany({
      where: { dossierId: { in: dossierIds }, sessionId: { not: session.id } },
      select: { dossierId: true, session: { select: { startsAt: true, openedAt: true, closedAt: true } } },
    }),
    tx.emergencyDisclosure.findMany({
      where: { dossierId: { in: dossierIds } },
      select: { dossierId: true, createdAt: true },
    }),
  ]);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const others = agenda.filter((a) => a.dossierId === r.dossierId).map((a) => a.session);
    // on this session's agenda: not discussed at another one, and this one could take it up (or did)
    const here = session.openedAt === null || session.openedAt.getTime() > r.createdAt.getTime();
    if (here && discussedAt(r.createdAt, others) === null) counts.set(r.dossierId, (counts.get(r.dossierId) ?? 0) + 1);
  }
  return counts;
}
