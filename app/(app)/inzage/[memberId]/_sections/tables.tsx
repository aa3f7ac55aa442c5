import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';
import { actionLabel } from '@/lib/audit/vocabulary';
import { DISCLOSURE_GROUND_LABEL, DISCLOSURE_STATUS_LABEL, formatDate, formatDateTime } from '@/lib/labels';
import type { OverviewRecord } from './types';

/** Information brought into the case conference that concerns this person only. */
export function InformationItemsSection({
  memberId,
  items,
}: {
  memberId: string;
  items: OverviewRecord['informationItems'];
}) {
  return (
    <Section
      headingId={`i-${memberId}`}
      level={3}
      title="Informatie over deze persoon in het casusoverleg"
      className="mt-6"
      bodyClassName=""
    >
      {items.length === 0 ? (
        <p className="mt-2">Geen informatie die specifiek over deze persoon gaat.</p>
      ) : (
        <DataTable
          caption="Ingebrachte informatie over deze persoon"
          className="mt-2 text-sm"
          rowClassName="align-top"
          rows={items}
          rowKey={(i) => i.id}
          columns={[
            { header: 'Datum', cell: (i) => formatDate(i.createdAt), className: 'whitespace-nowrap' },
            { header: 'Organisatie', cell: (i) => i.organisation },
            { header: 'Categorie (art. 15 §1)', cell: (i) => i.categoryLabel },
            { header: 'Inhoud', cell: (i) => i.content, className: 'whitespace-pre-line', breakAnywhere: true },
          ]}
        />
      )}
    </Section>
  );
}

/** Proposals to share information with this person (art. 14 §2). */
export function DisclosuresSection({
  memberId,
  disclosures,
}: {
  memberId: string;
  disclosures: OverviewRecord['disclosures'];
}) {
  return (
    <Section
      headingId={`v-${memberId}`}
      level={3}
      title="Voorstellen om informatie met deze persoon te delen (art. 14 §2)"
      className="mt-6"
      bodyClassName=""
    >
      {disclosures.length === 0 ? (
        <p className="mt-2">Geen voorstellen.</p>
      ) : (
        <DataTable
          caption="Voorstellen tot delen met deze persoon"
          className="mt-2 text-sm"
          rows={disclosures}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Voorgesteld op', cell: (p) => formatDate(p.createdAt) },
            { header: 'Grond', cell: (p) => DISCLOSURE_GROUND_LABEL[p.ground] ?? p.ground },
            { header: 'Aantal stukken informatie', cell: (p) => p.itemCount },
            { header: 'Status', cell: (p) => DISCLOSURE_STATUS_LABEL[p.status] ?? p.status },
            { header: 'Gedeeld op', cell: (p) => formatDate(p.sharedAt) },
          ]}
        />
      )}
    </Section>
  );
}

/** Who had access to the dossier, newest first (at most the last ACCESS_LOG_LIMIT events). */
export function AccessLogSection({
  memberId,
  reference,
  log,
  truncated,
}: {
  memberId: string;
  reference: string;
  log: OverviewRecord['accessLog'];
  truncated: boolean;
}) {
  return (
    <Section
      headingId={`t-${memberId}`}
      level={3}
      title="Wie had toegang tot dit dossier"
      className="mt-6"
      bodyClassName=""
    >
      {truncated && (
        <p className="mt-2 text-sm">
          Enkel de laatste {log.length} gebeurtenissen; de DPO kan het volledige toegangslog opvragen.
        </p>
      )}
      {log.length === 0 ? (
        <p className="mt-2">Nog geen toegang geregistreerd.</p>
      ) : (
        <DataTable
          caption={`Toegang tot dossier ${reference}, nieuwste eerst`}
          className="mt-2 text-sm"
          rows={log}
          rowKey={(_, i) => i}
          columns={[
            { header: 'Wanneer', cell: (l) => formatDateTime(l.occurredAt), className: 'whitespace-nowrap' },
            { header: 'Wie', cell: (l) => l.actorName ?? 'systeem' },
            { header: 'Organisatie', cell: (l) => l.organisationName ?? '—' },
            { header: 'Wat', cell: (l) => actionLabel(l.action) },
            { header: 'Uitkomst', cell: (l) => (l.outcome === 'ALLOWED' ? 'toegestaan' : 'geweigerd') },
          ]}
        />
      )}
    </Section>
  );
}

/** Documents attached to the dossier that concern this person (issue 13 §3; ADR 0040). */
export function AttachmentsAboutSection({
  memberId,
  attachments,
}: {
  memberId: string;
  attachments: OverviewRecord['attachments'];
}) {
  return (
    <Section headingId={`b-${memberId}`} level={3} title="Bijlagen over deze persoon" className="mt-6" bodyClassName="">
      {attachments.length === 0 ? (
        <p className="mt-2">Geen bijlagen die specifiek over deze persoon gaan.</p>
      ) : (
        <DataTable
          caption="Bijlagen over deze persoon"
          className="mt-2 text-sm"
          rowClassName="align-top"
          rows={attachments}
          rowKey={(a) => a.id}
          columns={[
            { header: 'Datum', cell: (a) => formatDate(a.createdAt), className: 'whitespace-nowrap' },
            { header: 'Organisatie', cell: (a) => a.organisation },
            { header: 'Categorie (art. 15 §1)', cell: (a) => a.categoryLabel },
            {
              header: 'Bestand',
              breakAnywhere: true,
              cell: (a) => (
                <a href={`/api/v1/bijlagen/${a.id}`} download className="underline">
                  {a.fileName}
                  <span className="sr-only"> downloaden</span>
                </a>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
