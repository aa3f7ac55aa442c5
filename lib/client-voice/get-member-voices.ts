import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { can } from '@/lib/access/policy';
import { fieldKeys } from '@/lib/crypto/keys';
import { decryptField } from '@/lib/crypto/fields';
import { currentParticipation } from '@/lib/participants/current';
import { peopleOf } from '@/lib/dossiers/get-dossier';
import { pseudonymiseText } from '@/lib/dossiers/pseudonymise';
import { MEMBER_ROLE_LABEL } from '@/lib/labels';
import { voiceValues } from './values';

/**
 * Each member's voice and rights as the coordinator or a participant of the case sees them
 * (art. 4 2nd para, art. 16; ADR 0037), with what is missing: a member who was neither informed
 * nor has a recorded reason why not — about the referral, and (once the case is in a trajectory)
 * about the case conference — is flagged, so the conference sees it before it discusses them.
 * An expert who sees the case without identities reads pseudonyms and cannot edit.
 */
export async function getMemberVoices(userId: string, dossierId: string) {
  const need = { action: 'memberVoice.view', purpose: 'clientVoice', dossierId } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const coordinates = actor.coordinatorHouses.includes(dossier.safeHouseId);
    const me = coordinates ? null : await currentParticipation(tx, actor, dossierId);
    const pseudonymised = !coordinates && !!me && me.reason === 'EXPERTISE' && !me.showIdentity;
    const [members, voices] = await Promise.all([
      tx.clientMember.findMany({
        where: { dossierId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, firstName: true, lastName: true, memberRole: true, isMinor: true },
      }),
      tx.memberVoice.findMany({ where: { dossierId } }),
    ]);
    const editors = await tx.user.findMany({
      where: { id: { in: [...new Set(voices.map((x) => x.updatedByUserId))] } },
      select: { id: true, name: true },
    });
    const people = pseudonymised
      ? peopleOf({ reference: dossier.reference, clientSystemLabel: dossier.clientSystemLabel }, members)
      : [];
    const text = (t: string | null) => (t && pseudonymised ? pseudonymiseText(t, people) : (t ?? ''));
    const keys = fieldKeys();
    const inTrajectory = dossier.status === 'IN_TRAJECTORY';
    await log({ objectType: 'MemberVoice', objectId: dossierId });
    return {
      canRecord: can(actor, 'memberVoice.record', dossier) && !pseudonymised,
      pseudonymised,
      members: members.map((m, i) => {
        const voice = voices.find((x) => x.memberId === m.id) ?? null;
        const name = pseudonymised ? `Lid ${i + 1}` : `${m.firstName} ${m.lastName}`;
        const view = voice?.viewEnc ? decryptField(keys, voice.viewEnc) : '';
        const values = voiceValues(voice, view, text);
        return {
          memberId: m.id,
          label: `${name} (${MEMBER_ROLE_LABEL[m.memberRole]}${m.isMinor ? ', minderjarig' : ''})`,
          isMinor: m.isMinor,
          recorded: !!voice,
          values,
          updatedAt: voice?.updatedAt ?? null,
          updatedBy: voice ? (editors.find((e) => e.id === voice.updatedByUserId)?.name ?? 'onbekend') : null,
          /** art. 4: neither informed nor a recorded reason why not */
          missing: {
            referral: voice?.referralInformed == null,
            conference: inTrajectory && voice?.conferenceInformed == null,
          },
        };
      }),
    };
  });
}

export type MemberVoicesView = Awaited<ReturnType<typeof getMemberVoices>>;
