import Link from 'next/link';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { listUsers } from '@/lib/admin/queries';
import { formatDateTime } from '@/lib/labels';
import { createUserAction } from './actions';
import { ROLE_OPTIONS, invitationText, roleText } from './shared';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Gebruikers beheren' };

/** The functional administrator's list of accounts, and a new one (issue 13 §6). No dossier content. */
export default async function UsersPage() {
  const { users, choices } = await loadPage(listUsers);
  return (
    <>
      <h1 className="text-2xl font-semibold">Gebruikers</h1>
      <p className="mt-2 max-w-3xl text-gray-700">
        Als functioneel beheerder beheer je accounts, rollen en organisaties. Je ziet geen dossiers. Elke wijziging
        staat in het toegangslog. Wie met dossiers werkt, kan niet ook DPO, analist of functioneel beheerder zijn.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Alle gebruikers ({users.length})</h2>
      <DataTable
        caption="Gebruikers met organisatie, rollen, status en laatste aanmelding"
        className="mt-2 text-sm"
        rowClassName="align-top"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          {
            header: 'Naam',
            cell: (u) => (
              <>
                <Link href={`/beheer/gebruikers/${u.id}`} className="text-brand-700 underline">
                  {u.name}
                </Link>
                <span className="block text-gray-700">{u.email}</span>
              </>
            ),
          },
          { header: 'Organisatie', cell: (u) => u.organisationName },
          { header: 'Rollen', cell: (u) => (u.roles.length ? u.roles.map(roleText).join(', ') : 'geen rol') },
          {
            header: 'Status',
            cell: (u) =>
              `${u.active ? 'actief' : 'gedeactiveerd'}${u.invitation === 'open' ? ` · ${invitationText(u)}` : ''}`,
          },
          { header: 'Laatste aanmelding', cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'nooit') },
        ]}
      />
      <h2 className="mt-8 text-xl font-semibold">Nieuwe gebruiker</h2>
      <p className="mt-2 max-w-3xl text-gray-700">
        De gebruiker krijgt een e-mail met een link om een wachtwoord in te stellen (één keer te gebruiken, 72 uur
        geldig). Bij de eerste aanmelding koppelt hij of zij een authenticator-app als tweede factor.
      </p>
      <div className="mt-2 max-w-2xl">
        <SpecForm
          action={createUserAction}
          submitLabel="Gebruiker aanmaken en uitnodigen"
          label="Nieuwe gebruiker"
          fields={[
            { kind: 'text', name: 'name', label: 'Naam', required: true },
            {
              kind: 'text',
              name: 'email',
              label: 'E-mailadres',
              required: true,
              hint: 'Het werkadres: hiermee meldt de gebruiker zich aan.',
            },
            {
              kind: 'select',
              name: 'organisationId',
              label: 'Organisatie',
              required: true,
              options: choices.organisations.map((o) => ({ value: o.id, label: o.name })),
            },
            {
              kind: 'select',
              name: 'role',
              label: 'Eerste rol',
              placeholder: 'Nog geen rol',
              options: ROLE_OPTIONS,
              hint: 'Meer rollen voeg je toe op de pagina van de gebruiker.',
            },
            {
              kind: 'select',
              name: 'safeHouseId',
              label: 'Veilig Huis van die rol',
              placeholder: 'Geen (aanmelder, DPO, analist, beheerder)',
              options: choices.safeHouses.map((h) => ({ value: h.id, label: h.name })),
              hint: 'Nodig voor coördinator, vertegenwoordiger, kernpartner en gemandateerde voorziening.',
            },
          ]}
        />
      </div>
    </>
  );
}
