import 'server-only';
import type { Tx } from '@/lib/use-case/kernel';
import { conflict } from '@/lib/errors';

/** What a participant is told when they try to share or vote outside a session (art. 13). */
export const NO_OPEN_SESSION =
  'Informatie inbrengen en stemmen kan enkel tijdens een geopend casusoverleg met deze casus op de agenda (art. 13). Wacht tot de coördinator het overleg opent.';

/**
 * The agenda item of this case on a session that is OPEN now (the one opened last, should two be
 * open at once), or null. Information brought in and proposals made now belong to it (ADR 0033).
 */
export async function openAgendaItem(tx: Tx, dossierId: string) {
  return tx.agendaItem.findFirst({
    where: { dossierId, session: { state: 'OPEN' } },
    orderBy: { session: { openedAt: 'desc' } },
    select: { id: true, sessionId: true },
  });
}

/** As openAgendaItem, but outside an open session it is a conflict with a plain Dutch reason. */
export async function requireOpenAgendaItem(tx: Tx, dossierId: string) {
  const agenda = await openAgendaItem(tx, dossierId);
  if (!agenda) throw conflict(NO_OPEN_SESSION);
  return agenda;
}

/** Whether this agenda item of this case is on a session that is OPEN now. */
export async function isAgendaItemOpen(tx: Tx, agendaItemId: string, dossierId: string) {
  const row = await tx.agendaItem.findFirst({
    where: { id: agendaItemId, dossierId, session: { state: 'OPEN' } },
    select: { id: true },
  });
  return !!row;
}

/**
 * The session an action of the plan is agreed at: the open one, else the one of this case closed
 * last (the plan is often written up just after the session), else none (ADR 0033).
 */
export async function agendaItemOfRecord(tx: Tx, dossierId: string) {
  const open = await openAgendaItem(tx, dossierId);
  if (open) return open.id;
  const closed = await tx.agendaItem.findFirst({
    where: { dossierId, session: { state: 'CLOSED' } },
    orderBy: { session: { closedAt: 'desc' } },
    select: { id: true },
  });
  return closed?.id ?? null;
}
