import { AttachmentList } from '@/components/attachments/attachment-list';
import { AttachmentUploadForm } from '@/components/attachments/upload-form';
import { Section } from '@/components/ui/section';
import type { AttachmentRow } from '@/lib/attachments/list-attachments';
import { DATA_CATEGORY_LABEL, MEMBER_ROLE_LABEL } from '@/lib/labels';
import type { View } from './types';

export const CATEGORY_OPTIONS = Object.entries(DATA_CATEGORY_LABEL).map(([value, label]) => ({
  value,
  label: `${value}. ${label}`,
}));

/**
 * The documents attached to the dossier (issue 13 §3; ADR 0040): the list the reader may see,
 * and the upload for the coordinator (at any time) or for a core partner with its input.
 */
export function AttachmentsSection({
  view,
  rows,
  upload,
  maxBytes,
}: {
  view: View;
  rows: readonly AttachmentRow[];
  upload: 'dossier' | 'input' | null;
  maxBytes: number;
}) {
  const members = view.members.map((m) => ({
    value: m.id,
    label: `${`${m.firstName} ${m.lastName}`.trim()} (${MEMBER_ROLE_LABEL[m.memberRole]})`,
  }));
  const label = (id: string) => members.find((m) => m.value === id)?.label;
  return (
    <Section
      id="bijlagen"
      title="Bijlagen"
      description={
        upload === 'input'
          ? 'Documenten bij de aanvulling van je organisatie: enkel je organisatie en de coördinatoren zien ze.'
          : 'Documenten bij dit dossier, versleuteld bewaard. Elke download wordt gelogd.'
      }
    >
      <AttachmentList rows={rows} memberLabel={label} hideNames={view.pseudonymised} />
      {upload && (
        <AttachmentUploadForm
          dossierId={view.dossier.id}
          place={upload}
          categories={CATEGORY_OPTIONS}
          members={members}
          maxBytes={maxBytes}
          title={upload === 'input' ? 'Bijlage bij je aanvulling toevoegen' : 'Bijlage toevoegen'}
        />
      )}
    </Section>
  );
}
