import { describe, expect, it } from 'vitest';
import { ownerDb } from '../helpers/db';

/**
 * Art. 15 §1: every personal field is tagged with its category. Every column of the tables that
 * hold client-system data carries a comment `art15:N` (N = 1..14), except the technical columns.
 */
const PERSONAL_TABLES = [
  'ClientMember',
  'Contact',
  'Referral',
  'AdmissionAssessment',
  'MandatedAgencyConsultation',
  'PartnerInput',
  'AgendaItem',
  'InformationItem',
  'PreparationNote',
  'ConferenceDecision',
  'Goal',
  'PlanAction',
  'FeedbackRecord',
  'FeedbackNote',
  'ReferrerOutcome',
  'DisclosureProposal',
  'RetentionExtension',
  'EmergencyDisclosure',
  'MemberVoice',
  'Attachment',
];
/** ids, timestamps and facts about professionals, not about the client system */
const TECHNICAL = new Set([
  'id',
  'dossierId',
  'safeHouseId',
  'createdAt',
  'updatedAt',
  'decidedAt',
  'assessorUserId',
  'organisationId',
  'authorUserId',
  'recordedByUserId',
  'agency',
  'agencyName',
  'consultedPerson',
  'consultedAt',
  'sessionId',
  'position',
  'minutesUpdatedAt',
  'agendaItemId',
  'createdByUserId',
  'goalId',
  'ownerOrganisationId',
  'dueDate',
  'done',
  'delegateUserId',
  'caseWorkerUserId',
  'givenAt',
  'kind',
  'proposedByUserId',
  'memberId',
  'sharerUserId',
  'ground',
  'recipient',
  'status',
  'sharedAt',
  'years',
  'decidedAt',
  'correctedAt',
  'withdrawnAt',
  // issue 12 §5: finalised and distributed minutes, the referrer's outcome, feedback secrecy
  'finalisedAt',
  'finalisedByUserId',
  'distributedAt',
  'distributedByUserId',
  'writtenByUserId',
  'writtenAt',
  'secrecyAcknowledgedAt',
  'feedbackRecordId',
  // issue 12 §6, §7: who owns or closed an action, when; when an urgent disclosure was made
  'ownerUserId',
  'doneAt',
  'doneByUserId',
  'disclosedAt',
  'givenByUserId',
  // issue 13 §3: an attachment's technical columns (the name is encrypted and tagged per row)
  'context',
  'uploadedByUserId',
  'mediaType',
  'sizeBytes',
  'blobKey',
  'wrappedKey',
  'keyId',
]);

describe('art. 15: personal fields are tagged with their category', () => {
  it('every non-technical column of the client-data tables has a valid art. 15 §1 category', async () => {
    const rows = await ownerDb().$queryRaw<{ table_name: string; column_name: string; comment: string | null }[]>`
      SELECT c.table_name, c.column_name, col_description(format('%I', c.table_name)::regclass, c.ordinal_position) AS comment
        FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND c.table_name = ANY(${PERSONAL_TABLES})`;
    const untagged = rows
      .filter((r) => !TECHNICAL.has(r.column_name))
      // "row": the category is stored per row (InformationItem.category, checked 1..14)
      .filter((r) => !/^art15:(1[0-4]|[1-9]|row)$/.test(r.comment ?? ''))
      .map((r) => `${r.table_name}.${r.column_name}`);
    expect(rows.length).toBeGreaterThan(10);
    expect(untagged).toEqual([]);
  });
});
