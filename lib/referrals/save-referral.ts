import 'server-only';
import { notifyUsers } from '@/lib/notifications/notify';
import { requireDossier, useCase, type Tx } from '@/lib/use-case/kernel';
import { can } from '@/lib/access/policy';
import { AppError, conflict, invalid } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { encryptField, lookupHmac } from '@/lib/crypto/fields';
import { normaliseNationalNumber } from '@/lib/validation/national-number';
import { isMinorFrom, validateReferral, type ParsedReferral, type ReferralValues } from './schemas';
import { riskScore } from './risk-screening';
import { draftReference, nextReference } from './reference';

export type SaveMode = 'draft' | 'submit';

/**
 * Saves the referral form (art. 11) as a draft, or submits it to the coordinator of the chosen
 * safe house. A new referral is created by whoever may refer; an existing one only by its
 * referrer and only while it is a draft. Submission validates the whole form, assigns the
 * dossier reference and moves DRAFT -> SUBMITTED exactly once.
 */
export async function saveReferral(
  userId: string,
  values: ReferralValues,
  opts: { mode: SaveMode; dossierId?: string; now?: Date },
): Promise<{ dossierId: string; reference: string; status: 'DRAFT' | 'SUBMITTED' }> {
  const now = opts.now ?? new Date();
  const parsed = validateReferral(values, opts.mode, now);
  if (!parsed.ok) throw invalid('De aanmelding is nog niet in orde. Controleer de gemarkeerde velden.', parsed.errors);
  const data = parsed.data;
  const action = opts.mode === 'submit' ? 'referral.submit' : 'referral.saveDraft';
  return useCase(userId, { action, purpose: 'referral' }, async ({ tx, actor, log }) => {
    const house = await tx.safeHouse.findUnique({ where: { id: data.safeHouseId }, select: { id: true } });
    if (!house) throw invalid('Kies het Veilig Huis waarnaar je aanmeldt.', { safeHouseId: 'Onbekend Veilig Huis.' });

    let dossierId = opts.dossierId;
    if (dossierId) {
      await requireDossier(tx, actor, {
        action: 'referral.edit',
        purpose: 'referral',
        dossierId,
        objectType: 'Referral',
        notNow: 'Deze aanmelding is al ingediend en kan niet meer gewijzigd worden.',
      });
      const updated = await tx.dossier.updateMany({
        where: { id: dossierId, status: 'DRAFT', referrerUserId: actor.userId },
        data: { safeHouseId: data.safeHouseId, clientSystemLabel: data.clientSystemLabel },
      });
      if (updated.count !== 1)
        throw conflict('Deze aanmelding is intussen ingediend en kan niet meer gewijzigd worden.');
    } else {
      if (!can(actor, 'referral.create'))
        throw new AppError('FORBIDDEN_ACTION', 'Je rol laat niet toe een aanmelding te doen.');
      const created = await tx.dossier.create({
        data: {
          reference: draftReference(),
          safeHouseId: data.safeHouseId,
          status: 'DRAFT',
          clientSystemLabel: data.clientSystemLabel,
          referrerUserId: actor.userId,
          referrerOrganisationId: actor.organisationId,
        },
        select: { id: true },
      });
      dossierId = created.id;
    }

    await writeContent(tx, dossierId, data, now);

    let reference: string;
    let status: 'DRAFT' | 'SUBMITTED' = 'DRAFT';
    if (opts.mode === 'submit') {
      reference = await nextReference(tx, data.safeHouseId, now);
      const moved = await tx.dossier.updateMany({
        where: { id: dossierId, status: 'DRAFT' },
        data: { status: 'SUBMITTED', submittedAt: now, reference },
      });
      if (moved.count !== 1) throw conflict('Deze aanmelding is al ingediend.');
      status = 'SUBMITTED';
      await notifyUsers(tx, {
        kind: 'REFERRAL_TO_TRIAGE',
        objectId: dossierId,
        safeHouseId: data.safeHouseId,
        dossierId,
        link: `/dossiers/${dossierId}`,
        to: { coordinatorsOf: data.safeHouseId },
      });
    } else {
      reference = (await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { reference: true } }))
        .reference;
    }
    await log({ objectType: 'Referral', objectId: dossierId, dossierId, safeHouseId: data.safeHouseId });
    return { dossierId, reference, status };
  });
}

/** Replaces the form content of a draft: referral, members, contacts. */
async function writeContent(tx: Tx, dossierId: string, data: ParsedReferral, now: Date) {
  const keys = fieldKeys();
  const referral = {
    violenceForms: data.violenceForms,
    violenceTypes: data.violenceTypes,
    situation: data.situation,
    actionsTaken: data.actionsTaken,
    clientInformed: (data.clientInformed as string) === '' ? null : data.clientInformed === 'ja',
    notInformedReason: data.clientInformed === 'nee' ? data.notInformedReason : null,
    riskAnswers: Object.fromEntries(Object.entries(data.riskAnswers).filter(([, v]) => v)),
    riskScore: riskScore(data.riskAnswers as Record<string, string>),
    riskJudgement: data.riskJudgement === '' ? null : data.riskJudgement,
    riskJudgementReason: data.riskJudgementReason,
    involvedOrganisations: data.involvedOrganisations,
  };
  await tx.referral.upsert({ where: { dossierId }, create: { dossierId, ...referral }, update: referral });
  await tx.clientMember.deleteMany({ where: { dossierId } });
  await tx.contact.deleteMany({ where: { dossierId } });
  const members = data.members.filter((m) => m.firstName || m.lastName || m.memberRole);
  if (members.length) {
    await tx.clientMember.createMany({
      data: members.map((m) => {
        const nn = m.nationalNumber ? normaliseNationalNumber(m.nationalNumber) : null;
        return {
          dossierId,
          memberRole: m.memberRole === '' ? 'OTHER' : m.memberRole,
          firstName: m.firstName,
          lastName: m.lastName,
          dateOfBirth: m.dateOfBirth ? new Date(`${m.dateOfBirth}T00:00:00Z`) : null,
          isMinor: isMinorFrom(m, now),
          sex: m.sex,
          nationalNumberEnc: nn ? encryptField(keys, nn) : null,
          nationalNumberHmac: nn ? lookupHmac(keys, nn) : null,
          contactEnc: m.contact ? encryptField(keys, m.contact) : null,
          safeAddress: m.safeAddress === 'ja',
        };
      }),
    });
  }
  const contacts = data.contacts.filter((c) => c.firstName || c.lastName || c.relation);
  if (contacts.length) {
    await tx.contact.createMany({
      data: contacts.map((c) => ({
        dossierId,
        firstName: c.firstName,
        lastName: c.lastName,
        relation: c.relation,
        contactEnc: c.contact ? encryptField(keys, c.contact) : null,
      })),
    });
  }
}
