import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { encryptField } from '@/lib/crypto/fields';
import { brusselsToday, parseIsoDate } from '@/lib/time';
import { currentParticipation } from '@/lib/participants/current';
import { validateMemberVoice, type MemberVoiceValues } from './schemas';

/**
 * Records one member's voice and rights (art. 4 2nd para, art. 16; seeds 000, 001, 004; ADR 0037):
 * informed about the referral and about the case conference (when, by whom, how) or why not;
 * consent asked / given / refused / withdrawn (when) or why not asked; the member's own view and
 * wishes (encrypted at rest); how their voice reaches the conference; who informs them afterwards.
 * The coordinator of the holding safe house and the case's participants — not an expert who sees
 * the case without identities. One record per member, corrected in place; every change is logged.
 */
export async function recordMemberVoice(
  userId: string,
  dossierId: string,
  memberId: string,
  values: MemberVoiceValues,
  now = new Date(),
) {
  const parsed = validateMemberVoice(values, brusselsToday(now));
  if (!parsed.ok) throw invalid('De gegevens over dit lid zijn nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'memberVoice.record',
    purpose: 'clientVoice',
    dossierId,
    objectType: 'ClientMember',
    objectId: memberId,
    notNow: 'De stem van de leden wordt geregistreerd zolang de aanmelding of het traject loopt.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const member = await tx.clientMember.findFirst({ where: { id: memberId, dossierId }, select: { id: true } });
    if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { memberId: 'Onbekend lid.' });
    if (!actor.coordinatorHouses.includes(dossier.safeHouseId)) {
      const me = await currentParticipation(tx, actor, dossierId);
      if (!me || (me.reason === 'EXPERTISE' && !me.showIdentity))
        throw conflict('Wie de casus zonder identificerende gegevens ziet, registreert niets over de leden.');
    }
    const day = (s: string) => (s ? parseIsoDate(s) : null);
    const informed = (part: 'referral' | 'conference') => {
      const answer = v[`${part}Informed`];
      const yes = answer === 'ja';
      return {
        [`${part}Informed`]: answer === '' ? null : yes,
        [`${part}InformedAt`]: yes ? day(v[`${part}InformedAt`]) : null,
        [`${part}InformedBy`]: yes ? v[`${part}InformedBy`] : null,
        [`${part}InformedHow`]: yes ? v[`${part}InformedHow`] : null,
        [`${part}NotInformedReason`]: answer === 'nee' ? v[`${part}NotInformedReason`] : null,
      };
    };
    const data = {
      ...informed('referral'),
      ...informed('conference'),
      consent: v.consent || null,
      consentAt: v.consent && v.consent !== 'NOT_ASKED' ? day(v.consentAt) : null,
      consentNote: v.consentNote || null,
      viewEnc: v.view ? encryptField(fieldKeys(), v.view) : null,
      voiceChannel: v.voiceChannel || null,
      representative: v.voiceChannel === 'TRUSTED_PERSON' ? v.representative : null,
      voiceNote: v.voiceNote || null,
      debriefBy: v.debriefBy || null,
      debriefAt: day(v.debriefAt),
      updatedAt: now,
      updatedByUserId: actor.userId,
    };
    const saved = await tx.memberVoice.upsert({
      where: { memberId },
      create: { ...data, memberId, dossierId, safeHouseId: dossier.safeHouseId },
      update: data,
      select: { id: true },
    });
    await log({ objectType: 'MemberVoice', objectId: saved.id });
    await notify('memberVoice', saved.id);
    return saved;
  });
}
