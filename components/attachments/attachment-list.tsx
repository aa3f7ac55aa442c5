import { DataTable } from '@/components/ui/data-table';
import { formatSize } from '@/lib/attachments/limits';
import type { AttachmentRow } from '@/lib/attachments/list-attachments';
import { formatDateTime } from '@/lib/time';

const CONTEXT_LABEL: Record<AttachmentRow['context'], string> = {
  COORDINATOR: 'Coördinator',
  PARTNER_INPUT: 'Aanvulling kernpartner',
  SESSION: 'Casusoverleg',
};

/**
 * The documents attached to a dossier (issue 13 §3; ADR 0040) that the reader may see: name,
 * category, member, who, when and size, each with a download link. `hideNames`: an expert who
 * sees the client system pseudonymised reads "Bijlage" instead of a file name (names often
 * carry a client's name).
 */
export function AttachmentList({
  rows,
  memberLabel,
  caption = 'Bijlagen',
  hideNames = false,
}: {
  rows: readonly AttachmentRow[];
  memberLabel: (id: string) => string | undefined;
  caption?: string;
  hideNames?: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      empty="Nog geen bijlagen."
      className="text-sm"
      scroll
      columns={[
        {
          header: 'Bestand',
          breakAnywhere: true,
          cell: (r) => (
            <a href={`/api/v1/bijlagen/${r.id}`} download className="underline">
              {hideNames ? 'Bijlage' : r.fileName}
              <span className="sr-only"> downloaden</span>
            </a>
          ),
        },
        { header: 'Categorie (art. 15, § 1)', cell: (r) => r.categoryLabel },
        { header: 'Over', cell: (r) => (r.concernsMemberId ? (memberLabel(r.concernsMemberId) ?? '—') : '—') },
        {
          header: 'Door',
          cell: (r) => (
            <>
              {r.uploadedBy}
              <br />
              <span className="text-gray-700">
                {r.organisation} · {CONTEXT_LABEL[r.context]}
              </span>
            </>
          ),
        },
        { header: 'Wanneer', className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.createdAt) },
        { header: 'Grootte', className: 'whitespace-nowrap', cell: (r) => formatSize(r.sizeBytes) },
      ]}
    />
  );
}
