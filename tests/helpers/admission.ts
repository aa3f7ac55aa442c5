import { checkAdmission } from '@/lib/admission/check-admission';
import { decideAdmission } from '@/lib/admission/decide-admission';
import { recordAgencyException, requestAgencyConsultation } from '@/lib/admission/agency-consultation';
import { closeInputRound } from '@/lib/partner-input/close-input-round';
import type { DecisionValues } from '@/lib/admission/schemas';
import { instantToBrussels } from '@/lib/time';
import { ownerDb } from './db';
import { admissionCheck, agencyException, agencyRequest, decision } from './forms';

/**
 * The whole admission sequence as the coordinator walks it (ADR 0031): the art. 5 check with all
 * criteria met, the input round closed early with a reason, with minors the mandated agency asked
 * and an urgent exception documented, then the follow-up decision. For tests about what comes after.
 */
export async function admit(
  coordinatorId: string,
  dossierId: string,
  over: Partial<DecisionValues> = {},
  now = new Date(),
) {
  await checkAdmission(coordinatorId, dossierId, admissionCheck(), now);
  await closeInputRound(coordinatorId, dossierId, { reason: 'Alle kernpartners hebben al geantwoord.' }, now);
  const db = ownerDb();
  const minors = await db.clientMember.count({ where: { dossierId, isMinor: true } });
  if (minors > 0 && !(await db.agencyConsultation.findUnique({ where: { dossierId } }))) {
    const d = await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { safeHouseId: true } });
    const agency = await db.organisation.findFirstOrThrow({
      where: {
        kind: { in: ['VK', 'YOUTH_CARE_SUPPORT_CENTRE'] },
        corePartnerships: { some: { safeHouseId: d.safeHouseId } },
      },
    });
    await requestAgencyConsultation(coordinatorId, dossierId, agencyRequest(agency.id), now);
    const at = instantToBrussels(now);
    await recordAgencyException(
      coordinatorId,
      dossierId,
      agencyException({ contactedOn: at.date, contactedTime: at.time }),
      now,
    );
  }
  return decideAdmission(coordinatorId, dossierId, decision(over), now);
}
