import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { listOrganisations } from '@/lib/admin/queries';
import { ORGANISATION_KIND_LABEL } from '@/lib/admin/roles';
import { updateOrganisationAction } from '../../actions';

export const metadata = { title: 'Organisatie beheren' };

const KIND_OPTIONS = Object.entries(ORGANISATION_KIND_LABEL).map(([value, label]) => ({ value, label }));

/** Name, kind (art. 10) and core partnerships of one organisation (issue 13 §6). */
export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { organisations, safeHouses } = await loadPage(listOrganisations);
  const org = organisations.find((o) => o.id === id);
  if (!org) notFound();
  return (
    <>
      <p>
        <Link href="/beheer/organisaties" className="text-brand-700 underline">
          Alle organisaties
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{org.name}</h1>
      <p className="mt-2 text-gray-700">{org.users} gebruiker(s) bij deze organisatie.</p>
      <div className="mt-4 max-w-2xl">
        <SpecForm
          action={updateOrganisationAction.bind(null, org.id)}
          submitLabel="Organisatie bewaren"
          label="Organisatie"
          initial={{ name: org.name, kind: org.kind, corePartnerOf: org.corePartnerOf.map((h) => h.id) }}
          fields={[
            { kind: 'text', name: 'name', label: 'Naam', required: true },
            { kind: 'select', name: 'kind', label: 'Soort (art. 10)', required: true, options: KIND_OPTIONS },
            {
              kind: 'checkboxes',
              name: 'corePartnerOf',
              label: 'Kernpartner van',
              hint: 'Niets aangevinkt: geen kernpartner. Wie een vinkje wegneemt, neemt de medewerkers van deze organisatie meteen de toegang als kernpartner in dat Veilig Huis af.',
              options: safeHouses.map((h) => ({ value: h.id, label: h.name })),
            },
          ]}
        />
      </div>
    </>
  );
}
