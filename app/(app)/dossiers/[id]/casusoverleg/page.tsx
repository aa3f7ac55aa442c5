import Link from 'next/link';
import { Callout } from '@/components/ui/callout';
import { Notice } from '@/components/ui/notice';
import { LiveUpdates } from '@/components/dossier/live-updates';
import { loadPage } from '@/lib/auth/session';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { getMemberVoices } from '@/lib/client-voice/get-member-voices';
import { ClientVoiceSection } from './_sections/client-voice';
import {
  addItemAction,
  closeAction,
  withdrawAction,
  withdrawExtensionAction,
  correctItemAction,
  withdrawItemAction,
  decisionAction,
  proposeExtensionAction,
  voteExtensionAction,
  feedbackAction,
  goalAction,
  leaveAction,
  markSharedAction,
  minutesAction,
  planActionAction,
  proposeAction,
  changeActionAction,
  closeActionAction,
  reopenActionAction,
  completeOwnAction,
  emergencyAction,
  voteAction,
  saveNoteAction,
  deleteNoteAction,
  bringInNoteAction,
} from './actions';
import { ClosureSection } from './_sections/closure';
import { DisclosuresSection } from './_sections/disclosures';
import { DistributionSection } from './_sections/distribution';
import { FeedbackSection } from './_sections/feedback';
import { InformationSection } from './_sections/information';
import { NotesSection } from './_sections/notes';
import { MinutesSection } from './_sections/minutes';
import { MembersSection, ParticipantsSection } from './_sections/participants';
import { PlanSection } from './_sections/plan';
import { EmergencySection } from './_sections/emergency';
import { noticeText } from '@/lib/forms/notices';
import { ConferenceAttachmentsSection } from './_sections/attachments';
import { listAttachments } from '@/lib/attachments/list-attachments';
import { attachmentMaxBytes } from '@/lib/attachments/limits';

export const metadata = { title: 'Casusoverleg' };

export default async function CaseConferencePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { id } = await params;
  const { melding } = await searchParams;
  const v = await loadPage((userId) => getCaseConference(userId, id));
  const voices = await loadPage((userId) => getMemberVoices(userId, id));
  const notice = noticeText('conference', melding);
  const dossierId = v.dossier.id;
  const active = v.participants.filter((p) => p.accepted && p.acknowledged && !p.left);
  // documents (issue 13 §3; ADR 0040): a participant brings one in during an open session
  const attachments = await loadPage((userId) => listAttachments(userId, id));
  const sessionOpen = !!v.openAgendaItemId;
  const attachmentUpload = v.can.prepare && sessionOpen ? 'session' : v.can.record && sessionOpen ? 'dossier' : null;
  return (
    <>
      <p className="text-sm text-gray-700">{v.dossier.safeHouseName}</p>
      <h1 className="text-2xl font-semibold">
        Casusoverleg {v.dossier.reference}: {v.dossier.label}
      </h1>
      <div className="mt-2 flex flex-wrap items-center gap-6">
        <LiveUpdates dossierId={dossierId} />
        {v.can.pdf && (
          <a href={`/api/v1/dossiers/${dossierId}/verslag`} className="text-brand-700 underline">
            Verslag en plan van aanpak downloaden (PDF)
          </a>
        )}
        <Link href={`/dossiers/${dossierId}`} className="text-brand-700 underline">
          Naar het dossier
        </Link>
      </div>
      <Notice>{notice}</Notice>
      {v.pseudonymised && (
        <Callout tone="info" className="mt-4">
          Je bent uitgenodigd voor je expertise: je ziet de casus zonder identificerende gegevens.
        </Callout>
      )}
      <Callout tone="warning" className="mt-4">
        Vertrouwelijk – art. 458ter Sw. Deel enkel informatie die relevant en proportioneel is voor de bescherming van
        de leden van het cliëntsysteem. Niemand is verplicht te spreken (art. 13, § 2).
      </Callout>

      <EmergencySection
        emergencies={v.emergencies}
        record={v.can.emergency ? emergencyAction.bind(null, dossierId) : null}
      />
      <ParticipantsSection participants={v.participants} leave={v.me ? leaveAction.bind(null, v.me.id) : null} />
      <MembersSection members={v.members} />
      <ClientVoiceSection voices={voices} dossierId={dossierId} />
      <MinutesSection
        agenda={v.agenda}
        goals={v.goals}
        canRecord={v.can.record}
        actions={{
          minutes: (agendaItemId) => minutesAction.bind(null, dossierId, agendaItemId),
          decision: (agendaItemId) => decisionAction.bind(null, dossierId, agendaItemId),
        }}
      />
      {v.can.prepare && (
        <NotesSection
          notes={v.notes}
          members={v.members}
          sessionOpen={!!v.openAgendaItemId}
          actions={{
            add: saveNoteAction.bind(null, dossierId),
            remove: (noteId) => deleteNoteAction.bind(null, dossierId, noteId),
            bringIn: (noteId) => bringInNoteAction.bind(null, dossierId, noteId),
          }}
        />
      )}
      <DistributionSection dossierId={dossierId} />
      <InformationSection
        items={v.items}
        members={v.members}
        agenda={v.agenda}
        openAgendaItemId={v.openAgendaItemId}
        canContribute={v.can.contribute}
        actions={{
          add: addItemAction.bind(null, dossierId),
          correct: (itemId) => correctItemAction.bind(null, dossierId, itemId),
          withdraw: (itemId) => withdrawItemAction.bind(null, dossierId, itemId),
        }}
      />
      <ConferenceAttachmentsSection
        dossierId={dossierId}
        rows={attachments}
        members={v.members}
        upload={attachmentUpload}
        waitingForSession={v.can.prepare && !sessionOpen}
        pseudonymised={v.pseudonymised}
        maxBytes={attachmentMaxBytes()}
      />
      <PlanSection
        goals={v.goals}
        caseDirector={v.participants.find((p) => p.isCaseDirector && !p.left)?.name}
        active={active}
        canManage={v.can.managePlan}
        canCompleteOwn={v.can.completeOwn}
        actions={{
          goal: goalAction.bind(null, dossierId),
          planAction: planActionAction.bind(null, dossierId),
          change: (actionId) => changeActionAction.bind(null, dossierId, actionId),
          close: (actionId) => closeActionAction.bind(null, dossierId, actionId),
          reopen: (actionId) => reopenActionAction.bind(null, dossierId, actionId),
          completeOwn: (actionId) => completeOwnAction.bind(null, dossierId, actionId),
        }}
      />
      <DisclosuresSection
        // a proposal is made at an open session of the case (art. 13; ADR 0033)
        view={{ ...v, can: { ...v.can, propose: v.can.propose && !!v.openAgendaItemId } }}
        active={active}
        actions={{
          propose: proposeAction.bind(null, dossierId),
          vote: (proposalId) => voteAction.bind(null, dossierId, proposalId),
          withdraw: (proposalId) => withdrawAction.bind(null, dossierId, proposalId),
          markShared: (proposalId) => markSharedAction.bind(null, dossierId, proposalId),
        }}
      />
      <ClosureSection
        view={v}
        actions={{
          proposeExtension: proposeExtensionAction.bind(null, dossierId),
          voteExtension: (extensionId) => voteExtensionAction.bind(null, dossierId, extensionId),
          withdrawExtension: (extensionId) => withdrawExtensionAction.bind(null, dossierId, extensionId),
          close: closeAction.bind(null, dossierId),
        }}
      />
      {(v.can.feedback || v.feedback.length > 0) && (
        <FeedbackSection
          feedback={v.feedback}
          colleagues={v.colleagues}
          record={v.can.feedback ? feedbackAction.bind(null, dossierId) : null}
        />
      )}
    </>
  );
}
