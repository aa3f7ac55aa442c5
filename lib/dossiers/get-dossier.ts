import 'server-only';
import { z } from '@/lib/validation/zod';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { can, dossierByIdWhere, relationsTo, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { notFound } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { decryptField } from '@/lib/crypto/fields';
import { formatNationalNumber } from '@/lib/validation/national-number';

const id = z.string().uuid();

/**
 * One dossier as the actor may see it: each section only for the relations that may see it
 * (lib/access/policy.ts), and RLS filters the same rows again. A dossier the actor may not see
 * and one that does not exist give the same NOT_FOUND; the attempt is logged as denied.
 */
export async function getDossier(userId: string, dossierId: string) {
  if (!id.safeParse(dossierId).success) throw notFound();
  return withActor(userId, async (tx, actor) => {
    const dossier = await tx.dossier.findFirst({
      where: dossierByIdWhere(actor, dossierId),
      select: {
        ...DOSSIER_FACTS_SELECT,
        reference: true,
        clientSystemLabel: true,
        createdAt: true,
        submittedAt: true,
        decidedAt: true,
        decisionReasons: true,
        referrerOrganisationId: true,
        closedAt: true,
        closureReasons: true,
        retentionUntil: true,
        retentionYears: true,
        safeHouse: { select: { name: true } },
      },
    });
    if (!dossier || !can(actor, 'dossier.view', dossier)) {
      throw new DeniedError({ action: 'dossier.view', objectType: 'Dossier', objectId: dossierId, purpose: 'getDossier' });
    }
    const keys = fieldKeys();
    const [referral, members, contacts, referrer] = await Promise.all([
      tx.referral.findUnique({ where: { dossierId } }),
      tx.clientMember.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      tx.contact.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      tx.user.findUnique({ where: { id: dossier.referrerUserId }, select: { name: true, organisation: { select: { name: true } } } }),
    ]);

    const viewAssessment = can(actor, 'admission.viewAssessment', dossier);
    const viewAllInput = can(actor, 'partnerInput.viewAll', dossier);
    const [assessment, consultations, inputs, corePartners] = await Promise.all([
      viewAssessment ? tx.admissionAssessment.findUnique({ where: { dossierId } }) : null,
      viewAssessment ? tx.mandatedAgencyConsultation.findMany({ where: { dossierId }, orderBy: { consultedAt: 'asc' } }) : [],
      // the coordinator reads all input; a core partner only their own organisation's
      viewAllInput || can(actor, 'partnerInput.write', dossier) || relationsTo(actor, dossier).has('corePartner')
        ? tx.partnerInput.findMany({
            where: viewAllInput ? { dossierId } : { dossierId, organisationId: actor.organisationId },
            orderBy: { createdAt: 'asc' },
            include: { organisation: { select: { name: true } } },
          })
        : [],
      viewAllInput
        ? tx.corePartnership.findMany({ where: { safeHouseId: dossier.safeHouseId }, include: { organisation: { select: { id: true, name: true } } } })
        : [],
    ]);
    const answered = new Set(inputs.map((i) => i.organisationId));
    const coordinates = actor.coordinatorHouses.includes(dossier.safeHouseId);
    const [transfers, houses] = coordinates
      ? await Promise.all([
          tx.transferRequest.findMany({ where: { dossierId }, orderBy: { createdAt: 'desc' } }),
          tx.safeHouse.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
        ])
      : [[], []];
    // An expert invited for expertise sees no identifying data unless the coordinator recorded why.
    const me = await tx.caseParticipant.findFirst({ where: { dossierId, userId: actor.userId, leftAt: null }, select: { reason: true, showIdentity: true } });
    const pseudonymised = !actor.coordinatorHouses.includes(dossier.safeHouseId) && dossier.referrerUserId !== actor.userId
      && me?.reason === 'EXPERTISE' && !me.showIdentity;

    await recordAudit(tx, actor, {
      action: 'dossier.view',
      objectType: 'Dossier',
      objectId: dossier.id,
      dossierId: dossier.id,
      safeHouseId: dossier.safeHouseId,
      purpose: 'getDossier',
      outcome: 'ALLOWED',
    });
    return {
      dossier: pseudonymised ? { ...dossier, clientSystemLabel: `Cliëntsysteem ${dossier.reference}` } : dossier,
      pseudonymised,
      relations: [...relationsTo(actor, dossier)],
      referrer: referrer ? { name: referrer.name, organisation: referrer.organisation.name } : null,
      referral,
      members: members.map((m, i) => ({
        id: m.id,
        memberRole: m.memberRole,
        firstName: pseudonymised ? `Lid ${i + 1}` : m.firstName,
        lastName: pseudonymised ? '' : m.lastName,
        dateOfBirth: pseudonymised ? null : m.dateOfBirth,
        isMinor: m.isMinor,
        sex: m.sex,
        nationalNumber: !pseudonymised && m.nationalNumberEnc ? formatNationalNumber(decryptField(keys, m.nationalNumberEnc)) : null,
        contact: !pseudonymised && m.contactEnc ? decryptField(keys, m.contactEnc) : null,
      })),
      contacts: (pseudonymised ? [] : contacts).map((c) => ({
        id: c.id,
        firstName: c.firstName,
        lastName: c.lastName,
        relation: c.relation,
        contact: c.contactEnc ? decryptField(keys, c.contactEnc) : null,
      })),
      assessment,
      consultations,
      inputs: inputs.map((i) => ({ ...i, organisationName: i.organisation.name })),
      missingPartners: viewAllInput && dossier.inputRequestedAt
        ? corePartners.filter((c) => !answered.has(c.organisationId)).map((c) => c.organisation.name).sort()
        : [],
      transfers: transfers.map((t) => ({
        ...t,
        fromName: houses.find((h) => h.id === t.fromSafeHouseId)?.name ?? '',
        toName: houses.find((h) => h.id === t.toSafeHouseId)?.name ?? '',
      })),
      otherHouses: houses.filter((h) => h.id !== dossier.safeHouseId),
      can: {
        transfer: can(actor, 'transfer.request', dossier) && !transfers.some((t) => t.status === 'PENDING'),
        edit: can(actor, 'referral.edit', dossier),
        consult: can(actor, 'admission.consult', dossier),
        decide: can(actor, 'admission.decide', dossier),
        writeInput: can(actor, 'partnerInput.write', dossier),
        closeInputRound: can(actor, 'partnerInput.closeRound', dossier) && !!dossier.inputRequestedAt && !dossier.inputClosedAt,
        viewOutcome: can(actor, 'referral.viewOutcome', dossier),
        conference: can(actor, 'conference.view', dossier) && dossier.status !== 'SUBMITTED',
      },
    };
  });
}

export type DossierView = Awaited<ReturnType<typeof getDossier>>;
