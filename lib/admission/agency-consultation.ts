import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { brusselsWallClockToInstant } from '@/lib/time';
import type { Tx } from '@/lib/use-case/kernel';
import { notifyUsers } from '@/lib/notifications/notify';
import {
  agencyExceptionSchema,
  agencyPositionSchema,
  agencyRequestSchema,
  type AgencyExceptionValues,
  type AgencyPositionValues,
  type AgencyRequestValues,
} from './schemas';
import { admissionNeed } from './admission-need';

/** The kinds of organisation that are a mandated agency: VK, and OCJ (YOUTH_CARE_SUPPORT_CENTRE). */
export const MANDATED_AGENCY_KINDS = ['VK', 'YOUTH_CARE_SUPPORT_CENTRE'] as const;

/** The mandated agencies of a safe house's area: VK/OCJ organisations partnered with it (ADR 0031). */
export function agenciesOf(tx: Tx, safeHouseId: string) {
  return tx.organisation.findMany({
    where: { kind: { in: [...MANDATED_AGENCY_KINDS] }, corePartnerships: { some: { safeHouseId } } },
    select: { id: true, name: true, kind: true },
    orderBy: { name: 'asc' },
  });
}

/**
 * Art. 5, 2nd para: when a minor is involved, the coordinator asks the mandated agency of the
 * safe house's area for its position in the system. From then on that agency's staff see the
 * referral (not the partners' input, not the coordinator's assessment) until the follow-up decision.
 */
export async function requestAgencyConsultation(
  userId: string,
  dossierId: string,
  values: AgencyRequestValues,
  now = new Date(),
) {
  const parsed = validateForm(agencyRequestSchema, values);
  if (!parsed.ok) throw invalid('De vraag aan de voorziening is nog niet volledig.', parsed.errors);
  const d = parsed.data;
  const need = admissionNeed('admission.consult', dossierId);
  const created = await dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const [minors, agencies, existing] = await Promise.all([
      tx.clientMember.count({ where: { dossierId, isMinor: true } }),
      agenciesOf(tx, dossier.safeHouseId),
      tx.agencyConsultation.findUnique({ where: { dossierId }, select: { id: true } }),
    ]);
    if (minors === 0) {
      throw invalid('Er is geen minderjarige betrokken: een standpunt van VK of OCJ is niet nodig.', {
        organisationId: 'Geen minderjarige betrokken.',
      });
    }
    if (!agencies.some((a) => a.id === d.organisationId)) {
      throw invalid('Kies een gemandateerde voorziening van de regio van dit Veilig Huis.', {
        organisationId: 'Geen VK of OCJ van dit Veilig Huis.',
      });
    }
    if (existing) throw conflict('De gemandateerde voorziening werd al om haar standpunt gevraagd.');
    const created = await tx.agencyConsultation.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        organisationId: d.organisationId,
        requestedByUserId: actor.userId,
        requestedAt: now,
        proposedDecision: d.proposedDecision,
        question: d.question,
      },
      select: { id: true },
    });
    await log({ objectType: 'AgencyConsultation', objectId: created.id });
    // the agency's staff: told that something waits (ADR 0039)
    const notified = await notifyUsers(tx, {
      kind: 'CONSULTATION',
      objectId: created.id,
      safeHouseId: dossier.safeHouseId,
      dossierId,
      link: '/te-beantwoorden',
      to: { agencyStaffOf: d.organisationId },
    });
    return { id: created.id, notified };
  });
  return created;
}

/**
 * Urgency (art. 5, 2nd para; ADR 0031): the follow-up decision cannot wait for a written
 * position. The coordinator documents who at the agency was reached, when (not in the future, not
 * before the referral was submitted), how, and why there is no written position. Logged, and shown
 * on the dossier.
 */
export async function recordAgencyException(
  userId: string,
  dossierId: string,
  values: AgencyExceptionValues,
  now = new Date(),
) {
  const parsed = validateForm(agencyExceptionSchema, values);
  if (!parsed.ok) throw invalid('De uitzondering is nog niet volledig gedocumenteerd.', parsed.errors);
  const d = parsed.data;
  const contactedAt = brusselsWallClockToInstant(d.contactedOn, d.contactedTime);
  if (contactedAt > now) {
    throw invalid('Het contact kan niet in de toekomst liggen.', { contactedOn: 'Dit moment ligt in de toekomst.' });
  }
  const need = admissionNeed('admission.consult', dossierId);
  return dossierUseCase(userId, need, async ({ tx, actor, log }) => {
    const facts = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { submittedAt: true } });
    // to the minute, as the form gives it
    if (facts.submittedAt && contactedAt.getTime() < Math.floor(facts.submittedAt.getTime() / 60_000) * 60_000) {
      throw invalid('Het contact ligt vóór de aanmelding werd ingediend.', {
        contactedOn: 'Dit moment ligt vóór de indiening van de aanmelding.',
      });
    }
    const updated = await tx.agencyConsultation.updateMany({
      where: { dossierId, respondedAt: null, exceptionRecordedAt: null },
      data: {
        exceptionByUserId: actor.userId,
        exceptionRecordedAt: now,
        exceptionContact: d.contact,
        exceptionContactedAt: contactedAt,
        exceptionChannel: d.channel,
        exceptionReason: d.reason,
      },
    });
    if (updated.count !== 1) {
      throw conflict('Vraag eerst het standpunt van de voorziening; een uitzondering kan enkel zolang er geen is.');
    }
    await log({ action: 'admission.consultException', objectType: 'AgencyConsultation', objectId: dossierId });
  });
}

/**
 * The mandated agency's own position (art. 5, 2nd para): its view on the risk, on the need for a
 * case conference, and whether it agrees with the proposed follow-up, with reasons. Only staff of
 * the agency asked, once, before the follow-up decision.
 */
export async function recordAgencyPosition(
  userId: string,
  dossierId: string,
  values: AgencyPositionValues,
  now = new Date(),
) {
  const parsed = validateForm(agencyPositionSchema, values);
  if (!parsed.ok) throw invalid('Het standpunt is nog niet volledig. Controleer de gemarkeerde velden.', parsed.errors);
  const d = parsed.data;
  const need = admissionNeed('agency.respond', dossierId);
  return dossierUseCase(userId, need, async ({ tx, actor, log }) => {
    const updated = await tx.agencyConsultation.updateMany({
      where: { dossierId, organisationId: actor.organisationId, respondedAt: null },
      data: {
        respondedByUserId: actor.userId,
        respondedAt: now,
        riskView: d.riskView,
        conferenceNeeded: d.conferenceNeeded,
        conferenceView: d.conferenceView,
        position: d.position,
        positionReasons: d.positionReasons,
      },
    });
    if (updated.count !== 1) throw conflict('Het standpunt van jullie voorziening werd al geregistreerd.');
    await log({ objectType: 'AgencyConsultation', objectId: dossierId });
  });
}
