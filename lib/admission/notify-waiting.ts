import 'server-only';
import { composeWaitingMail } from '@/lib/mail/waiting';
import { appLink, sendMail } from '@/lib/mail/transport';
import { useCase } from '@/lib/use-case/kernel';

/**
 * After the commit: tells core-partner staff or a mandated agency's staff that something waits for
 * them (ADR 0031), without any case data. Mail is a side channel: a failed mail undoes nothing.
 * Returns how many mails were handed to the server.
 */
export async function notifyWaiting(
  userId: string,
  to: string[],
  safeHouseId: string,
  kind: 'partnerInput' | 'agencyPosition',
): Promise<number> {
  const url = appLink('/te-beantwoorden');
  if (!url || to.length === 0) return 0;
  const house = await useCase(
    userId,
    { action: 'triage.view', purpose: 'admission', referenceDataOnly: true },
    ({ tx }) => tx.safeHouse.findUniqueOrThrow({ where: { id: safeHouseId }, select: { name: true } }),
  );
  let sent = 0;
  for (const address of to) {
    const r = await sendMail(composeWaitingMail({ to: address, safeHouseName: house.name, kind, url }));
    if (r.delivered) sent++;
  }
  return sent;
}
