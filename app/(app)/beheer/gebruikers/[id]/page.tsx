import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { getUserForAdmin } from '@/lib/admin/queries';
import { noticeText } from '@/lib/forms/notices';
import { formatDateTime } from '@/lib/labels';
import { env } from '@/lib/env';
import {
  grantRoleAction,
  inviteUserAction,
  registerOidcLinkAction,
  unlinkOidcAction,
  revokeRoleAction,
  setActiveAction,
  updateUserAction,
} from '../../actions';
import { ROLE_OPTIONS, invitationText, roleText } from '../../shared';

export const metadata = { title: 'Gebruiker beheren' };

/** One account: its data, roles per safe house, invitation, activation and last login (issue 13 §6). */
export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { id } = await params;
  const { melding } = await searchParams;
  const { user, choices, self } = await loadPage((u) => getUserForAdmin(u, id));
  return (
    <>
      <p>
        <Link href="/beheer" className="text-brand-700 underline">
          Alle gebruikers
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{user.name}</h1>
      <Notice>{noticeText('admin', melding)}</Notice>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">Status</dt>
        <dd>{user.active ? 'actief' : 'gedeactiveerd'}</dd>
        <dt className="font-medium">Laatste aanmelding</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'nooit'}</dd>
        <dt className="font-medium">Uitnodiging</dt>
        <dd>{invitationText(user)}</dd>
        <dt className="font-medium">Organisatie</dt>
        <dd>{user.organisationName}</dd>
      </dl>

      <h2 className="mt-8 text-xl font-semibold">Rollen</h2>
      {user.roles.length === 0 ? (
        <p className="mt-2">Deze gebruiker heeft nog geen rol en ziet dus niets.</p>
      ) : (
        <ul className="mt-2 max-w-2xl space-y-2">
          {user.roles.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-4 rounded bg-white p-3">
              <span>{roleText(r)}</span>
              {!(self && r.role === 'FUNCTIONAL_ADMIN') && (
                <SpecForm
                  action={revokeRoleAction.bind(null, user.id, r.id)}
                  submitLabel="Intrekken"
                  variant="secondary"
                  className=""
                  label={`Rol ${roleText(r)} intrekken`}
                  fields={[]}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4 max-w-2xl">
        <SpecForm
          action={grantRoleAction.bind(null, user.id)}
          submitLabel="Rol toekennen"
          label="Rol toekennen"
          fields={[
            { kind: 'select', name: 'role', label: 'Rol', required: true, options: ROLE_OPTIONS },
            {
              kind: 'select',
              name: 'safeHouseId',
              label: 'Veilig Huis',
              placeholder: 'Geen (aanmelder, DPO, analist, beheerder)',
              options: choices.safeHouses.map((h) => ({ value: h.id, label: h.name })),
              hint: 'Nodig voor coördinator, vertegenwoordiger, kernpartner en gemandateerde voorziening.',
            },
          ]}
        />
      </div>

      <h2 className="mt-8 text-xl font-semibold">Gegevens</h2>
      <div className="mt-2 max-w-2xl">
        <SpecForm
          action={updateUserAction.bind(null, user.id)}
          submitLabel="Gegevens bewaren"
          label="Gegevens van de gebruiker"
          initial={{ name: user.name, email: user.email, organisationId: user.organisationId }}
          fields={[
            { kind: 'text', name: 'name', label: 'Naam', required: true },
            {
              kind: 'text',
              name: 'email',
              label: 'E-mailadres',
              required: true,
              hint: 'Een nieuw adres of een andere organisatie beëindigt de sessies van de gebruiker.',
            },
            {
              kind: 'select',
              name: 'organisationId',
              label: 'Organisatie',
              required: true,
              options: choices.organisations.map((o) => ({ value: o.id, label: o.name })),
            },
          ]}
        />
      </div>

      {env().OIDC_ISSUER && (
        <>
          <h2 className="mt-8 text-xl font-semibold">Aanmelden via {env().OIDC_NAME}</h2>
          <div className="mt-2 max-w-2xl">
            {user.idpLinked ? (
              <>
                <p>Dit account is gekoppeld aan een identiteit bij {env().OIDC_NAME}.</p>
                <SpecForm
                  action={unlinkOidcAction.bind(null, user.id)}
                  submitLabel="Koppeling verwijderen"
                  variant="secondary"
                  label="Koppeling met de identiteit verwijderen"
                  fields={[
                    {
                      kind: 'note',
                      text: 'Het account opent dan niet meer via deze identiteit en alle sessies van de gebruiker eindigen meteen. Opnieuw koppelen kan door opnieuw een rijksregisternummer te registreren.',
                    },
                  ]}
                />
              </>
            ) : (
              <SpecForm
                action={registerOidcLinkAction.bind(null, user.id)}
                submitLabel="Rijksregisternummer registreren"
                label="Rijksregisternummer voor de eerste aanmelding"
                fields={[
                  {
                    kind: 'text',
                    name: 'nationalNumber',
                    label: 'Rijksregisternummer',
                    required: true,
                    hint: 'Bij de eerste aanmelding via de overheid wordt het account gekoppeld aan wie dit nummer heeft. Alleen een vingerafdruk (HMAC) wordt bewaard, en die vervalt bij de koppeling.',
                  },
                ]}
              />
            )}
          </div>
        </>
      )}

      <h2 className="mt-8 text-xl font-semibold">Toegang</h2>
      <div className="mt-2 grid max-w-2xl gap-4">
        {user.active && (
          <SpecForm
            action={inviteUserAction.bind(null, user.id)}
            submitLabel="Opnieuw uitnodigen"
            variant="secondary"
            label="Opnieuw uitnodigen"
            fields={[
              {
                kind: 'note',
                text: 'Stuurt een nieuwe link om een wachtwoord in te stellen (ook om een vergeten wachtwoord te vervangen). Een vorige link werkt dan niet meer.',
              },
            ]}
          />
        )}
        {self ? (
          <p>Je eigen account kun je niet deactiveren.</p>
        ) : user.active ? (
          <SpecForm
            action={setActiveAction.bind(null, user.id, false)}
            submitLabel="Gebruiker deactiveren"
            variant="secondary"
            label="Gebruiker deactiveren"
            fields={[
              {
                kind: 'note',
                text: 'De gebruiker kan zich niet meer aanmelden; alle sessies eindigen meteen. Rollen en historiek blijven bewaard.',
              },
            ]}
          />
        ) : (
          <SpecForm
            action={setActiveAction.bind(null, user.id, true)}
            submitLabel="Gebruiker opnieuw activeren"
            label="Gebruiker opnieuw activeren"
            fields={[]}
          />
        )}
      </div>
    </>
  );
}
