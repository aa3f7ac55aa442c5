import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { draftDeletionDate } from '@/lib/retention/terms';
import { fieldKeys } from '@/lib/crypto/keys';
import { decryptField } from '@/lib/crypto/fields';
import { formatNationalNumber } from '@/lib/validation/national-number';
import { emptyMember, type ReferralValues } from './schemas';

/**
 * A draft referral as form values, for its referrer only, with the day it is deleted if nobody
 * saves or submits it (GDPR art. 5(1)(e); ADR 0015).
 */
export async function getReferralForEdit(
  userId: string,
  dossierId: string,
): Promise<{ values: ReferralValues; draftDeletedOn: Date }> {
  // a draft once submitted is no longer a draft to edit: "not found", not a conflict
  const need = {
    action: 'referral.edit',
    purpose: 'referral',
    dossierId,
    objectType: 'Referral',
    notNow: null,
  } as const;
  return dossierUseCase(userId, need, async ({ tx, dossier: facts, log }) => {
    const dossier = {
      ...facts,
      ...(await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { createdAt: true } })),
    };
    const keys = fieldKeys();
    const [r, members, contacts] = await Promise.all([
      tx.referral.findUnique({ where: { dossierId } }),
      tx.clientMember.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      tx.contact.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    ]);
    await log({ objectType: 'Referral', objectId: dossierId });
    const values: ReferralValues = {
      safeHouseId: dossier.safeHouseId,
      clientSystemLabel: dossier.clientSystemLabel,
      members: members.length
        ? members.map((m) => ({
            memberRole: m.memberRole,
            firstName: m.firstName,
            lastName: m.lastName,
            dateOfBirth: m.dateOfBirth ? m.dateOfBirth.toISOString().slice(0, 10) : '',
            isMinor: m.dateOfBirth ? '' : m.isMinor ? 'ja' : 'nee',
            sex: m.sex,
            nationalNumber: m.nationalNumberEnc ? formatNationalNumber(decryptField(keys, m.nationalNumberEnc)) : '',
            contact: m.contactEnc ? decryptField(keys, m.contactEnc) : '',
            safeAddress: m.safeAddress ? 'ja' : '',
          }))
        : [emptyMember()],
      contacts: contacts.map((c) => ({
        firstName: c.firstName,
        lastName: c.lastName,
        relation: c.relation,
        contact: c.contactEnc ? decryptField(keys, c.contactEnc) : '',
      })),
      violenceForms: r?.violenceForms ?? [],
      violenceTypes: r?.violenceTypes ?? [],
      situation: r?.situation ?? '',
      actionsTaken: r?.actionsTaken ?? '',
      riskAnswers: (r?.riskAnswers as Record<string, string> | undefined) ?? {},
      riskJudgement: r?.riskJudgement ?? '',
      riskJudgementReason: r?.riskJudgementReason ?? '',
      clientInformed: r?.clientInformed == null ? '' : r.clientInformed ? 'ja' : 'nee',
      notInformedReason: r?.notInformedReason ?? '',
      involvedOrganisations: r?.involvedOrganisations ?? '',
    };
    return { values, draftDeletedOn: draftDeletionDate(r?.updatedAt ?? dossier.createdAt) };
  });
}
