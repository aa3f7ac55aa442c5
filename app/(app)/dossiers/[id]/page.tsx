import { Callout } from '@/components/ui/callout';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { getMemberVoices } from '@/lib/client-voice/get-member-voices';
import { getRiskHistory } from '@/lib/risk/get-risk-history';
import { RiskHistorySection } from '@/components/risk/risk-history';
import {
  agencyExceptionAction,
  agencyPositionAction,
  checkAdmissionAction,
  closeInputRoundAction,
  decideAdmissionAction,
  requestAgencyAction,
  requestTransferAction,
  revealAction,
  safeAddressAction,
  savePartnerInputAction,
} from './actions';
import { AgencySection } from './_sections/agency';
import { AssessmentSection } from './_sections/assessment';
import { MembersSection } from './_sections/members';
import { PartnerInputSection } from './_sections/partner-input';
import { ReferralSection } from './_sections/referral';
import { DossierSummary } from './_sections/summary';
import { TransferSection } from './_sections/transfer';
import { KnownPersonsSection } from './_sections/known-persons';
import { checkKnownPersons } from '@/lib/search/known-persons';
import { noticeText } from '@/lib/forms/notices';
import { AttachmentsSection } from './_sections/attachments';
import { ImportHistorySection } from './_sections/import-history';
import { getImportHistory } from '@/lib/dossier-export/import-history';
import { listAttachments } from '@/lib/attachments/list-attachments';
import { attachmentMaxBytes } from '@/lib/attachments/limits';

export const metadata = { title: 'Dossier' };

export default async function DossierPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { id } = await params;
  const { melding } = await searchParams;
  const view = await loadPage((userId) => getDossier(userId, id));
  const { dossier, referral, assessment, inputs } = view;
  const hasMinors = view.members.some((m) => m.isMinor);
  // each member's voice: the coordinator and the case's participants (ADR 0037)
  const voices =
    view.relations.includes('coordinator') || view.relations.includes('participant')
      ? await loadPage((userId) => getMemberVoices(userId, id))
      : null;
  // the risk over time: the coordinator and the case's participants (ADR 0042)
  const risk =
    view.relations.includes('coordinator') || view.relations.includes('participant')
      ? await loadPage((userId) => getRiskHistory(userId, id))
      : null;
  const notice = noticeText('dossier', melding);
  // read in from another installation (ADR 0047): provenance and the source's history, coordinator only
  const importHistory = view.imported ? await loadPage((userId) => getImportHistory(userId, id)) : null;
  // documents attached to the dossier (issue 13 §3; ADR 0040): the case team and a core partner with its input
  const readsAttachments = ['coordinator', 'participant', 'corePartner'].some((r) =>
    view.relations.includes(r as (typeof view.relations)[number]),
  );
  const attachments = readsAttachments ? await loadPage((userId) => listAttachments(userId, id)) : null;
  const attachmentUpload =
    view.relations.includes('coordinator') && dossier.status !== 'CLOSED'
      ? ('dossier' as const)
      : view.can.writeInput
        ? ('input' as const)
        : null;
  // at triage, the coordinator sees which members are known in other dossiers (ADR 0041)
  const knownPersons =
    view.relations.includes('coordinator') && dossier.status === 'SUBMITTED'
      ? await loadPage((userId) => checkKnownPersons(userId, id))
      : null;

  return (
    <>
      <p className="text-sm text-gray-700">{dossier.safeHouse.name}</p>
      <h1 className="text-2xl font-semibold">
        Dossier {dossier.reference}: {dossier.clientSystemLabel}
      </h1>
      <Notice>{notice}</Notice>
      {view.can.conference && (
        <p className="mt-4">
          <a href={`/dossiers/${dossier.id}/casusoverleg`} className="font-medium text-brand-700 underline">
            Naar het casusoverleg
          </a>
        </p>
      )}

      {/* issue 14 §4 (ADR 0047): the dossier as an encrypted file, coordinator only */}
      {view.relations.includes('coordinator') && (
        <p className="mt-2">
          <a href={`/dossiers/${dossier.id}/exporteren`} className="font-medium text-brand-700 underline">
            Exporteren
          </a>
        </p>
      )}

      <DossierSummary view={view} />
      {importHistory && <ImportHistorySection view={importHistory} />}

      {referral && <ReferralSection referral={referral} />}

      <MembersSection
        members={view.members}
        contacts={view.contacts}
        canSetSafeAddress={view.can.setSafeAddress}
        voices={voices}
        actions={{
          voiceHref: (memberId) => `/dossiers/${dossier.id}/stem/${memberId}`,
          reveal: (subject, subjectId, field) => revealAction.bind(null, dossier.id, subject, subjectId, field),
          safeAddress: (memberId, safe) => safeAddressAction.bind(null, dossier.id, memberId, safe),
        }}
      />

      {knownPersons && <KnownPersonsSection check={knownPersons} />}

      {risk && <RiskHistorySection history={risk} newHref={risk.canRecord ? `/dossiers/${dossier.id}/risico` : null} />}

      {(view.can.check || view.can.decide || assessment || view.admissionCheck) && (
        <AssessmentSection
          view={view}
          actions={{
            check: checkAdmissionAction.bind(null, dossier.id),
            decide: decideAdmissionAction.bind(null, dossier.id),
          }}
        />
      )}

      {(view.agencyConsultation || (view.can.consult && hasMinors)) && (
        <AgencySection
          view={view}
          actions={{
            request: requestAgencyAction.bind(null, dossier.id),
            exception: agencyExceptionAction.bind(null, dossier.id),
            respond: agencyPositionAction.bind(null, dossier.id),
          }}
        />
      )}

      {(view.can.writeInput || inputs.length > 0 || view.missingPartners.length > 0 || view.can.closeInputRound) && (
        <PartnerInputSection
          view={view}
          actions={{
            closeRound: closeInputRoundAction.bind(null, dossier.id),
            save: savePartnerInputAction.bind(null, dossier.id),
          }}
        />
      )}

      {attachments && (
        <AttachmentsSection view={view} rows={attachments} upload={attachmentUpload} maxBytes={attachmentMaxBytes()} />
      )}

      {(view.can.transfer || view.transfers.length > 0) && (
        <TransferSection
          transfers={view.transfers}
          otherHouses={view.otherHouses}
          request={view.can.transfer ? requestTransferAction.bind(null, dossier.id) : null}
        />
      )}

      <Callout tone="warning" className="mt-10 text-sm">
        Vertrouwelijk – art. 458ter Sw. Deze raadpleging werd gelogd.
      </Callout>
    </>
  );
}
