import { Notice } from '@/components/ui/notice';
import { SpecForm } from '@/components/ui/spec-form';
import { TableScroll } from '@/components/ui/table-scroll';
import { loadPage } from '@/lib/auth/session';
import { noticeText } from '@/lib/forms/notices';
import { formatDateTime } from '@/lib/labels';
import { listApiKeys, type ApiKeyState } from '@/lib/partner-api/list-api-keys';
import { API_SCOPES, SCOPE_LABEL } from '@/lib/partner-api/schemas';
import { addDays, brusselsToday } from '@/lib/time';
import { createApiKeyAction, revokeApiKeyAction } from './actions';
import { NewApiKeyForm } from './new-key-form';

export const metadata = { title: 'API-sleutels' };

const STATE_LABEL: Record<ApiKeyState, string> = {
  active: 'actief',
  revoked: 'ingetrokken',
  expired: 'verlopen',
};

/**
 * The API keys of partner organisations (issue 14 §2; ADR 0045): the functional administrator
 * makes a key (shown once), sees name, prefix, rights, term and last use, and revokes a key.
 */
export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const { keys, organisations } = await loadPage((u) => listApiKeys(u));
  return (
    <>
      <h1 className="text-2xl font-semibold">API-sleutels</h1>
      <Notice>{noticeText('admin', melding)}</Notice>
      <p className="mt-2 max-w-3xl text-gray-700">
        Met een API-sleutel dient het systeem van een partnerorganisatie aanmeldingen in en leest het de status en
        uitkomst van de eigen aanmeldingen — niets anders. De aanroepen gebeuren namens het API-account van de
        organisatie (rol aanmelder) en staan in het toegangslog. Handleiding: docs/api.md; beschrijving:{' '}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          /api/v1/openapi.json
        </a>
        .
      </p>
      <h2 className="mt-6 text-xl font-semibold">Sleutels</h2>
      {keys.length === 0 ? (
        <p className="mt-2">Er zijn nog geen API-sleutels.</p>
      ) : (
        <TableScroll label="API-sleutels met organisatie, rechten, termijn, laatste gebruik en status">
          <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">
              API-sleutels met organisatie, rechten, termijn, laatste gebruik en status
            </caption>
            <thead>
              <tr className="border-b border-gray-400">
                <th scope="col" className="p-2">
                  Naam
                </th>
                <th scope="col" className="p-2">
                  Organisatie
                </th>
                <th scope="col" className="p-2">
                  Begin van de sleutel
                </th>
                <th scope="col" className="p-2">
                  Rechten
                </th>
                <th scope="col" className="p-2">
                  Geldig tot
                </th>
                <th scope="col" className="p-2">
                  Laatst gebruikt
                </th>
                <th scope="col" className="p-2">
                  Status
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-b border-gray-200 align-top">
                  <th scope="row" className="p-2 font-normal">
                    {k.name}
                    <span className="block text-gray-700">
                      door {k.createdByName}, {formatDateTime(k.createdAt)}; {k.rateLimitPerMinute} per minuut
                    </span>
                  </th>
                  <td className="p-2">{k.organisationName}</td>
                  <td className="p-2 font-mono">vhd_{k.prefix}_…</td>
                  <td className="p-2">{k.scopes.join(', ')}</td>
                  <td className="p-2">{formatDateTime(k.expiresAt)}</td>
                  <td className="p-2">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'nog niet'}</td>
                  <td className="p-2">
                    {STATE_LABEL[k.state]}
                    {k.revokedAt ? ` op ${formatDateTime(k.revokedAt)}` : ''}
                  </td>
                  <td className="p-2">
                    {k.state !== 'revoked' && (
                      <SpecForm
                        action={revokeApiKeyAction.bind(null, k.id)}
                        submitLabel="Intrekken"
                        variant="secondary"
                        className=""
                        label={`Sleutel ${k.name} intrekken`}
                        fields={[]}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 className="mt-8 text-xl font-semibold">Nieuwe API-sleutel</h2>
      <div className="mt-2 max-w-2xl">
        <NewApiKeyForm
          action={createApiKeyAction}
          organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
          scopes={API_SCOPES.map((s) => ({ value: s, label: SCOPE_LABEL[s] }))}
          defaultExpiresOn={addDays(brusselsToday(), 90)}
        />
      </div>
    </>
  );
}
