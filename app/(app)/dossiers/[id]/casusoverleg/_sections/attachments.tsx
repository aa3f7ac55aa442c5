import { AttachmentList } from '@/components/attachments/attachment-list';
import { AttachmentUploadForm } from '@/components/attachments/upload-form';
import { Section } from '@/components/ui/section';
import type { AttachmentRow } from '@/lib/attachments/list-attachments';
import { NO_OPEN_SESSION_FOR_DOCUMENTS } from '@/lib/attachments/limits';
import { CATEGORY_OPTIONS } from '../../_sections/attachments';

/**
 * Documents in the case-conference workspace (issue 13 §3; ADR 0040): the case team reads the
 * coordinator's and the session's documents; during an open session a participant brings a
 * document in (tied to the session, art. 13; ADR 0033) and the coordinator adds one.
 */
export function ConferenceAttachmentsSection({
  dossierId,
  rows,
  members,
  upload,
  waitingForSession,
  pseudonymised,
  maxBytes,
}: {
  dossierId: string;
  rows: readonly AttachmentRow[];
  members: { id: string; label: string }[];
  upload: 'session' | 'dossier' | null;
  waitingForSession: boolean;
  pseudonymised: boolean;
  maxBytes: number;
}) {
  const options = members.map((m) => ({ value: m.id, label: m.label }));
  return (
    <Section id="bijlagen" title="Bijlagen" description="Documenten bij deze casus. Elke download wordt gelogd.">
      <AttachmentList
        rows={rows}
        memberLabel={(id) => members.find((m) => m.id === id)?.label}
        hideNames={pseudonymised}
      />
      {upload && (
        <AttachmentUploadForm
          dossierId={dossierId}
          place={upload}
          categories={CATEGORY_OPTIONS}
          members={options}
          maxBytes={maxBytes}
          title={upload === 'session' ? 'Document inbrengen in het casusoverleg' : 'Bijlage toevoegen'}
        />
      )}
      {!upload && waitingForSession && <p className="mt-3 text-sm text-gray-700">{NO_OPEN_SESSION_FOR_DOCUMENTS}</p>}
    </Section>
  );
}
