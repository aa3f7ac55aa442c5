import { Notice } from '@/components/ui/notice';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { noticeText } from '@/lib/forms/notices';
import { formatDateTime } from '@/lib/labels';
import { listApiKeys, type ApiKeyState } from '@/lib/partner-api/list-api-keys';
import { API_SCOPES, SCOPE_LABEL } from '@/lib/partner-api/schemas';
import { addDays, brusselsToday } from '@/lib/time';
import { createApiKeyAction, revokeApiKeyAction } from './actions';
import { NewApiKeyForm } from './new-key-form';
import { DataTable } from '@/components/ui/data-table';

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
        <DataTable
          caption="API-sleutels met organisatie, rechten, termijn, laatste gebruik en status"
          className="mt-2 text-sm"
          rowClassName="align-top"
          rows={keys}
          rowKey={(k) => k.id}
          columns={[
            {
              header: 'Naam',
              rowHeader: true,
              cell: (k) => (
                <>
                  {k.name}
                  <span className="block text-gray-700">
                    door {k.createdByName}, {formatDateTime(k.createdAt)}; {k.rateLimitPerMinute} per minuut
                  </span>
                </>
              ),
            },
            { header: 'Organisatie', cell: (k) => k.organisationName },
            { header: 'Begin van de sleutel', className: 'font-mono', cell: (k) => `vhd_${k.prefix}_…` },
            { header: 'Rechten', cell: (k) => k.scopes.join(', ') },
            { header: 'Geldig tot', cell: (k) => formatDateTime(k.expiresAt) },
            { header: 'Laatst gebruikt', cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'nog niet') },
            {
              header: 'Status',
              cell: (k) => `${STATE_LABEL[k.state]}${k.revokedAt ? ` op ${formatDateTime(k.revokedAt)}` : ''}`,
            },
            {
              header: <span className="sr-only">Acties</span>,
              cell: (k) =>
                k.state !== 'revoked' && (
                  <SpecForm
                    action={revokeApiKeyAction.bind(null, k.id)}
                    submitLabel="Intrekken"
                    variant="secondary"
                    className=""
                    label={`Sleutel ${k.name} intrekken`}
                    fields={[]}
                  />
                ),
            },
          ]}
        />
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
