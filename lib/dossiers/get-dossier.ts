import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { can, relationsTo, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { agenciesOf } from '@/lib/admission/agency-consultation';
import { pseudonymiseText, type Person } from './pseudonymise';

/**
 * One dossier as the actor may see it: each section only for the relations that may see it
 * (lib/access/policy.ts), and RLS filters the same rows again. A dossier the actor may not see
 * and one that does not exist give the same NOT_FOUND; the attempt is logged as denied.
 */
/** A filter that matches no row: a section this actor may not see is not read at all. */
const NOTHING = { id: { in: [] as string[] } };

export async function getDossier(userId: string, dossierId: string, now = new Date()) {
  return dossierUseCase(
    userId,
    { action: 'dossier.view', purpose: 'caseWork', dossierId },
    async ({ tx, actor, log, dossier: facts }) => {
      // what this actor may see decides what is loaded; the kernel's facts answer the policy
      const viewAssessment = can(actor, 'admission.viewAssessment', facts);
      const viewAllInput = can(actor, 'partnerInput.viewAll', facts);
      // the mandated agency's consultation: the coordinator, and the agency asked (ADR 0031)
      const viewConsultation = viewAssessment || relationsTo(actor, facts).has('mandatedAgency');
      const readInput =
        viewAllInput || can(actor, 'partnerInput.write', facts) || relationsTo(actor, facts).has('corePartner');
      // one statement for the dossier and its sections (relations as JSON joins; issue 11 §3)
      const loaded = await tx.dossier.findUniqueOrThrow({
        where: { id: dossierId },
        select: {
          ...DOSSIER_FACTS_SELECT,
          reference: true,
          clientSystemLabel: true,
          createdAt: true,
          submittedAt: true,
          decidedAt: true,
          decisionReasons: true,
          inputDeadline: true,
          inputCloseReason: true,
          referrerOrganisationId: true,
          closedAt: true,
          closureReasons: true,
          retentionUntil: true,
          retentionYears: true,
          safeHouse: { select: { name: true } },
          referral: true,
          members: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
          contacts: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
          assessment: viewAssessment,
          admissionCheck: viewAssessment,
          // row-level security shows it only to the coordinator and the agency asked
          agencyConsultation: { include: { organisation: { select: { name: true } } } },
          consultations: { where: viewAssessment ? {} : NOTHING, orderBy: { consultedAt: 'asc' } },
          // the coordinator reads all input; a core partner only their own organisation's
          partnerInputs: {
            where: !readInput ? NOTHING : viewAllInput ? {} : { organisationId: actor.organisationId },
            orderBy: { createdAt: 'asc' },
            include: { organisation: { select: { name: true } } },
          },
          // an expert invited for expertise sees no identifying data unless the coordinator recorded why
          participants: {
            where: { userId: actor.userId, leftAt: null },
            select: { reason: true, showIdentity: true },
            take: 1,
          },
        },
      });
      const {
        referral,
        members,
        contacts,
        assessment = null,
        admissionCheck = null,
        agencyConsultation = null,
        consultations,
        partnerInputs: inputs,
        participants: [me] = [],
        ...dossier
      } = loaded;
      const coordinates = actor.coordinatorHouses.includes(dossier.safeHouseId);
      // the mandated agency sees the referral but reveals no masked datum (ADR 0031)
      const mayReveal = can(actor, 'personalData.reveal', facts);
      const [referrer, corePartners, transfers, houses, agencies, imported] = await Promise.all([
        tx.user.findUnique({
          where: { id: dossier.referrerUserId },
          select: { name: true, organisation: { select: { name: true } } },
        }),
        viewAllInput
          ? tx.corePartnership.findMany({
              where: { safeHouseId: dossier.safeHouseId },
              include: { organisation: { select: { id: true, name: true } } },
            })
          : [],
        coordinates ? tx.transferRequest.findMany({ where: { dossierId }, orderBy: { createdAt: 'desc' } }) : [],
        coordinates ? tx.safeHouse.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }) : [],
        coordinates && dossier.status === 'SUBMITTED' ? agenciesOf(tx, dossier.safeHouseId) : [],
        // read in from another installation's export (ADR 0047): RLS shows provenance to coordinators only
        coordinates ? tx.dossierImport.findUnique({ where: { dossierId }, select: { id: true } }) : null,
      ]);
      const roundOpen =
        !!dossier.inputRequestedAt && !dossier.inputClosedAt && !!dossier.inputDeadline && now < dossier.inputDeadline;
      const allMet =
        !!admissionCheck &&
        admissionCheck.criterion1Met &&
        admissionCheck.criterion2Met &&
        admissionCheck.criterion3Met;
      const answered = new Set(inputs.map((i) => i.organisationId));
      const pseudonymised =
        !actor.coordinatorHouses.includes(dossier.safeHouseId) &&
        dossier.referrerUserId !== actor.userId &&
        me?.reason === 'EXPERTISE' &&
        !me.showIdentity;

      await log({ objectType: 'Dossier', objectId: dossier.id });
      return {
        dossier: pseudonymised ? { ...dossier, clientSystemLabel: `Cliëntsysteem ${dossier.reference}` } : dossier,
        pseudonymised,
        relations: [...relationsTo(actor, dossier)],
        imported: !!imported,
        referrer: referrer ? { name: referrer.name, organisation: referrer.organisation.name } : null,
        referral:
          referral && pseudonymised ? pseudonymiseReferral(referral, peopleOf(dossier, members, contacts)) : referral,
        // need to know (ADR 0017): national numbers and contact data are masked; `reveal` says which
        // one this actor may show with a reason (revealPersonalData). A safe address: coordinator only.
        members: members.map((m, i) => ({
          id: m.id,
          memberRole: m.memberRole,
          firstName: pseudonymised ? `Lid ${i + 1}` : m.firstName,
          lastName: pseudonymised ? '' : m.lastName,
          dateOfBirth: pseudonymised ? null : m.dateOfBirth,
          isMinor: m.isMinor,
          sex: m.sex,
          safeAddress: m.safeAddress,
          hasNationalNumber: !!m.nationalNumberEnc,
          hasContact: !!m.contactEnc,
          reveal: {
            nationalNumber: mayReveal && !pseudonymised && !!m.nationalNumberEnc,
            contact: mayReveal && !pseudonymised && !!m.contactEnc && (!m.safeAddress || coordinates),
          },
        })),
        contacts: (pseudonymised ? [] : contacts).map((c) => ({
          id: c.id,
          firstName: c.firstName,
          lastName: c.lastName,
          relation: c.relation,
          hasContact: !!c.contactEnc,
        })),
        assessment,
        admissionCheck,
        agencyConsultation: viewConsultation ? agencyConsultation : null,
        agencies,
        roundOpen,
        consultations,
        inputs: inputs.map((i) => ({ ...i, organisationName: i.organisation.name })),
        missingPartners:
          viewAllInput && dossier.inputRequestedAt
            ? corePartners
                .filter((c) => !answered.has(c.organisationId))
                .map((c) => c.organisation.name)
                .sort()
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
          setSafeAddress: can(actor, 'member.setSafeAddress', dossier),
          check: can(actor, 'admission.check', dossier) && !admissionCheck,
          consult: can(actor, 'admission.consult', dossier),
          decide: can(actor, 'admission.decide', dossier) && allMet,
          respond: can(actor, 'agency.respond', dossier) && !!agencyConsultation && !agencyConsultation.respondedAt,
          writeInput: can(actor, 'partnerInput.write', dossier) && roundOpen,
          closeInputRound: can(actor, 'partnerInput.closeRound', dossier) && roundOpen,
          viewOutcome: can(actor, 'referral.viewOutcome', dossier),
          conference: can(actor, 'conference.view', dossier) && dossier.status !== 'SUBMITTED',
        },
      };
    },
  );
}

/** The pseudonyms an expert sees: "Lid 1" for the first member, "Contact 1", and the client system's label. */
export function peopleOf(
  dossier: { reference: string; clientSystemLabel: string },
  members: { firstName: string; lastName: string }[],
  contacts: { firstName: string; lastName: string }[] = [],
): Person[] {
  return [
    { pseudonym: `Cliëntsysteem ${dossier.reference}`, names: [dossier.clientSystemLabel] },
    ...members.map((m, i) => ({ pseudonym: `Lid ${i + 1}`, names: [m.firstName, m.lastName] })),
    ...contacts.map((c, i) => ({ pseudonym: `Contact ${i + 1}`, names: [c.firstName, c.lastName] })),
  ];
}

const REFERRAL_FREE_TEXT = [
  'situation',
  'actionsTaken',
  'notInformedReason',
  'riskJudgementReason',
  'involvedOrganisations',
] as const;
function pseudonymiseReferral<R extends Record<(typeof REFERRAL_FREE_TEXT)[number], string | null>>(
  referral: R,
  people: Person[],
): R {
  const out = { ...referral };
  for (const k of REFERRAL_FREE_TEXT)
    if (out[k]) (out as Record<string, string | null>)[k] = pseudonymiseText(out[k]!, people);
  return out;
}

export type DossierView = Awaited<ReturnType<typeof getDossier>>;
