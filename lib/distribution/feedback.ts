import 'server-only';
import { useCase, DeniedError } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { z } from '@/lib/validation/zod';
import { acknowledgeFeedbackSchema } from './schemas';

/**
 * Art. 12, 4th para (ADR 0036): feedback a standing delegate gave to this case worker. The case
 * worker sees that it exists, from whom and when; the note only after acknowledging that they are
 * bound by the secrecy of art. 458ter §2 Sw. The database enforces the same: FeedbackNote is
 * readable by the case worker only once FeedbackRecord.secrecyAcknowledgedAt is set.
 */
export async function listMyFeedback(userId: string) {
  return useCase(userId, { action: 'feedback.listOwn', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const rows = await tx.feedbackRecord.findMany({
      where: { caseWorkerUserId: actor.userId },
      orderBy: [{ givenAt: 'desc' }, { id: 'asc' }],
      take: 200,
      select: {
        id: true,
        dossierId: true,
        safeHouseId: true,
        delegateUserId: true,
        givenAt: true,
        secrecyAcknowledgedAt: true,
        note: { select: { note: true } },
      },
    });
    const [delegates, houses] = await Promise.all([
      tx.user.findMany({ where: { id: { in: rows.map((r) => r.delegateUserId) } }, select: { id: true, name: true } }),
      tx.safeHouse.findMany({
        where: { id: { in: rows.map((r) => r.safeHouseId) } },
        select: { id: true, name: true },
      }),
    ]);
    await log({ objectType: 'FeedbackList' });
    // reading a note is logged per note, against its dossier
    for (const r of rows.filter((x) => x.secrecyAcknowledgedAt && x.note)) {
      await log({
        action: 'feedback.read',
        objectType: 'FeedbackRecord',
        objectId: r.id,
        dossierId: r.dossierId,
        safeHouseId: r.safeHouseId,
      });
    }
    return rows.map((r) => ({
      id: r.id,
      delegate: delegates.find((d) => d.id === r.delegateUserId)?.name ?? 'onbekend',
      safeHouse: houses.find((h) => h.id === r.safeHouseId)?.name ?? 'onbekend',
      givenAt: r.givenAt,
      acknowledgedAt: r.secrecyAcknowledgedAt,
      // null until acknowledged: the database returns no note before that
      note: r.secrecyAcknowledgedAt ? (r.note?.note ?? '') : null,
    }));
  });
}

export async function acknowledgeFeedbackSecrecy(
  userId: string,
  feedbackId: string,
  values: { bevestig: string[] },
  now = new Date(),
) {
  const parsed = validateForm(acknowledgeFeedbackSchema, values);
  if (!parsed.ok) throw invalid('Bevestig eerst de geheimhoudingsplicht.', parsed.errors);
  return useCase(userId, { action: 'feedback.acknowledge', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const rec = !z.uuid().safeParse(feedbackId).success
      ? null
      : await tx.feedbackRecord.findFirst({
          where: { id: feedbackId, caseWorkerUserId: actor.userId },
          select: { id: true, dossierId: true, safeHouseId: true, secrecyAcknowledgedAt: true },
        });
    if (!rec)
      throw new DeniedError({
        action: 'feedback.acknowledge',
        objectType: 'FeedbackRecord',
        objectId: feedbackId.slice(0, 64),
        purpose: 'caseConference',
      });
    if (rec.secrecyAcknowledgedAt)
      throw conflict('Je hebt de geheimhoudingsplicht voor deze terugkoppeling al bevestigd.');
    await tx.feedbackRecord.update({ where: { id: rec.id }, data: { secrecyAcknowledgedAt: now } });
    await log({
      objectType: 'FeedbackRecord',
      objectId: rec.id,
      dossierId: rec.dossierId,
      safeHouseId: rec.safeHouseId,
    });
    return { id: rec.id };
  });
}
