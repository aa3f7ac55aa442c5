import 'server-only';
import type { Tx } from '@/lib/use-case/kernel';

/**
 * The urgent disclosures of a case as the conference workspace shows them (ADR 0035), newest
 * first. One is "te bespreken" until a session of this case has begun after it was recorded: it
 * is on the agenda of the case's next session, and stays there until that session took place.
 */
export async function emergencyDisclosuresOf(tx: Tx, dossierId: string, sessionStarts: Date[], now: Date) {
  const rows = await tx.emergencyDisclosure.findMany({ where: { dossierId }, orderBy: { createdAt: 'desc' } });
  const begun = sessionStarts.filter((s) => s.getTime() <= now.getTime());
  const upcoming = sessionStarts
    .filter((s) => s.getTime() > now.getTime())
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return rows.map((r) => {
    const discussedAt =
      begun.filter((s) => s.getTime() > r.createdAt.getTime()).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    return { ...r, toDiscuss: discussedAt === null, discussedAt, nextSession: discussedAt ? null : (upcoming ?? null) };
  });
}

/**
 * For a session's agenda: per case, how many urgent disclosures are to be discussed in it — those
 * recorded before it begins and after the case's previous session began (ADR 0035).
 */
export async function emergenciesForSession(tx: Tx, dossierIds: string[], startsAt: Date) {
  const [earlier, rows] = await Promise.all([
    tx.agendaItem.findMany({
      where: { dossierId: { in: dossierIds }, session: { startsAt: { lt: startsAt } } },
      select: { dossierId: true, session: { select: { startsAt: true } } },
    }),
    tx.emergencyDisclosure.findMany({
      where: { dossierId: { in: dossierIds }, createdAt: { lt: startsAt } },
      select: { dossierId: true, createdAt: true },
    }),
  ]);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const previous = earlier
      .filter((a) => a.dossierId === r.dossierId)
      .some((a) => a.session.startsAt.getTime() > r.createdAt.getTime());
    if (!previous) counts.set(r.dossierId, (counts.get(r.dossierId) ?? 0) + 1);
  }
  return counts;
}
