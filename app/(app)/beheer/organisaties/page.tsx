import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { listOrganisations } from '@/lib/admin/queries';
import { ORGANISATION_KIND_LABEL } from '@/lib/admin/roles';
import { noticeText } from '@/lib/forms/notices';
import { createOrganisationAction } from '../actions';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Organisaties beheren' };

const KIND_OPTIONS = Object.entries(ORGANISATION_KIND_LABEL).map(([value, label]) => ({ value, label }));

/** Organisations of art. 10 with their kind and the safe houses they are a core partner of (issue 13 §6). */
export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const { organisations, safeHouses } = await loadPage(listOrganisations);
  return (
    <>
      <h1 className="text-2xl font-semibold">Organisaties</h1>
      <Notice>{noticeText('admin', melding)}</Notice>
      <p className="mt-2 max-w-3xl text-gray-700">
        De organisaties van art. 10 van het decreet. Een kernpartner van een Veilig Huis wordt om schriftelijke
        aanvulling gevraagd bij aanmeldingen (art. 11); haar medewerkers met de rol kernpartner zien die aanmeldingen
        zolang de vraag loopt.
      </p>
      <DataTable
        caption="Organisaties met soort, kernpartnerschap en aantal gebruikers"
        className="mt-4 text-sm"
        rowClassName="align-top"
        rows={organisations}
        rowKey={(o) => o.id}
        columns={[
          {
            header: 'Naam',
            cell: (o) => (
              <Link href={`/beheer/organisaties/${o.id}`} className="text-brand-700 underline">
                {o.name}
              </Link>
            ),
          },
          { header: 'Soort (art. 10)', cell: (o) => ORGANISATION_KIND_LABEL[o.kind] },
          {
            header: 'Kernpartner van',
            cell: (o) => (o.corePartnerOf.length ? o.corePartnerOf.map((h) => h.name).join(', ') : 'geen kernpartner'),
          },
          { header: 'Gebruikers', cell: (o) => o.users },
        ]}
      />
      <h2 className="mt-8 text-xl font-semibold">Nieuwe organisatie</h2>
      <div className="mt-2 max-w-2xl">
        <SpecForm
          action={createOrganisationAction}
          submitLabel="Organisatie aanmaken"
          label="Nieuwe organisatie"
          fields={[
            { kind: 'text', name: 'name', label: 'Naam', required: true },
            { kind: 'select', name: 'kind', label: 'Soort (art. 10)', required: true, options: KIND_OPTIONS },
            {
              kind: 'checkboxes',
              name: 'corePartnerOf',
              label: 'Kernpartner van',
              hint: 'Niets aangevinkt: geen kernpartner.',
              options: safeHouses.map((h) => ({ value: h.id, label: h.name })),
            },
          ]}
        />
      </div>
    </>
  );
}
