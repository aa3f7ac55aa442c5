import 'server-only';
import { z } from '@/lib/validation/zod';
import { dossierUseCase, DeniedError } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { decryptField } from '@/lib/crypto/fields';
import { formatNationalNumber } from '@/lib/validation/national-number';
import { validateForm } from '@/lib/validation/form';

export const revealSchema = z.object({
  dossierId: z.string().uuid(),
  subject: z.enum(['member', 'contact']),
  subjectId: z.string().uuid(),
  field: z.enum(['nationalNumber', 'contact']),
  reason: z
    .string()
    .trim()
    .min(5, 'Geef kort waarom je dit gegeven nodig hebt (minstens 5 tekens).')
    .max(300, 'Hoogstens 300 tekens.'),
});
export type RevealValues = { dossierId: string; subject: string; subjectId: string; field: string; reason: string };

export const REVEAL_FIELD_LABEL = { nationalNumber: 'rijksregisternummer', contact: 'adres en telefoon' } as const;

/**
 * Need to know inside a case (DOMAIN.md §3; ADR 0017): national numbers, addresses and phone
 * numbers are masked on every screen. Someone who may see the dossier and needs one, reveals it
 * for one person with a reason; that is its own access-log event (`personalData.reveal`, with the
 * field and the reason), written in the same transaction as the decryption. A member marked
 * "veilig adres" has their contact data shown to no one but the coordinator of the holding house;
 * an expert who sees the case pseudonymised reveals nothing.
 */
export async function revealPersonalData(userId: string, values: RevealValues) {
  const parsed = validateForm(revealSchema, values);
  if (!parsed.ok) {
    if (!parsed.errors.reason || Object.keys(parsed.errors).length > 1) throw invalid('Dit gegeven bestaat niet.');
    throw invalid('Geef de reden waarom je dit gegeven nodig hebt.', parsed.errors);
  }
  const v = parsed.data;
  const objectType = v.subject === 'member' ? 'ClientMember' : 'Contact';
  const need = {
    action: 'personalData.reveal',
    purpose: 'needToKnow',
    dossierId: v.dossierId,
    objectType,
    objectId: v.subjectId,
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const denied = () =>
      new DeniedError({ action: 'personalData.reveal', objectType, objectId: v.subjectId, purpose: 'needToKnow' });
    const coordinates = actor.coordinatorHouses.includes(dossier.safeHouseId);
    const me = await tx.caseParticipant.findFirst({
      where: { dossierId: dossier.id, userId: actor.userId, leftAt: null },
      select: { reason: true, showIdentity: true },
    });
    if (!coordinates && dossier.referrerUserId !== actor.userId && me?.reason === 'EXPERTISE' && !me.showIdentity) {
      throw conflict('Je ziet deze casus zonder identificerende gegevens (uitgenodigd voor je expertise).');
    }
    const row =
      v.subject === 'member'
        ? await tx.clientMember.findFirst({
            where: { id: v.subjectId, dossierId: dossier.id },
            select: { nationalNumberEnc: true, contactEnc: true, safeAddress: true },
          })
        : await tx.contact
            .findFirst({ where: { id: v.subjectId, dossierId: dossier.id }, select: { contactEnc: true } })
            .then((c) => c && { ...c, nationalNumberEnc: null, safeAddress: false });
    if (!row) throw denied();
    if (v.field === 'contact' && row.safeAddress && !coordinates) {
      throw conflict(
        'Veilig adres: het adres en de contactgegevens van dit lid zijn enkel zichtbaar voor de coördinator.',
      );
    }
    const enc = v.field === 'nationalNumber' ? row.nationalNumberEnc : row.contactEnc;
    if (!enc) throw conflict('Dit gegeven is niet geregistreerd.');
    const plain = decryptField(fieldKeys(), enc);
    // which field was shown travels in the object type (e.g. ClientMember.nationalNumber), the why in the reason
    await log({ objectType: `${objectType}.${v.field}`, objectId: v.subjectId, reason: v.reason });
    return { value: v.field === 'nationalNumber' ? formatNationalNumber(plain) : plain };
  });
}
