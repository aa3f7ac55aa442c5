import { loadPage } from '@/lib/auth/session';
import { listRequests } from '@/lib/admission/list-requests';
import { formatDateTime } from '@/lib/time';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Te beantwoorden' };

/**
 * What waits for the actor in the admission (ADR 0031): core partners — referrals awaiting their
 * written input, until the deadline (art. 11, 2nd para); a mandated agency's staff — the
 * consultations asked of their agency (art. 5, 2nd para).
 */
export default async function RequestsPage() {
  const data = await loadPage((userId) => listRequests(userId));
  return (
    <>
      <h1 className="text-2xl font-semibold">Te beantwoorden</h1>

      <section aria-labelledby="h-aanvulling" className="mt-6">
        <h2 id="h-aanvulling" className="text-xl font-semibold">
          Aanmeldingen die op jullie aanvulling wachten
        </h2>
        <p className="mt-1 text-gray-800">
          De coördinator vraagt de kernpartners om schriftelijke aanvulling voor hij over de opvolging beslist (art. 11,
          tweede lid). Je ziet enkel de aanmelding, niet de aanvulling van andere partners.
        </p>
        {data.inputRounds.length === 0 ? (
          <p className="mt-3">Er wacht geen aanmelding op jullie aanvulling.</p>
        ) : (
          <DataTable
            caption="Aanmeldingen die op aanvulling wachten"
            className="mt-3"
            rows={data.inputRounds}
            rowKey={(r) => r.id}
            columns={[
              {
                header: 'Dossier',
                cell: (r) => (
                  <a href={`/dossiers/${r.id}#aanvullingen`} className="text-brand-700 underline">
                    {r.reference}: {r.clientSystemLabel}
                  </a>
                ),
              },
              { header: 'Veilig Huis', cell: (r) => r.safeHouseName },
              {
                header: 'Aanvullen tot',
                cell: (r) =>
                  r.open ? formatDateTime(r.inputDeadline) : `Verstreken (${formatDateTime(r.inputDeadline)})`,
              },
              {
                header: 'Jullie aanvulling',
                cell: (r) => (r.answeredAt ? `Gegeven (${formatDateTime(r.answeredAt)})` : 'Nog niet gegeven'),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="h-standpunt" className="mt-8">
        <h2 id="h-standpunt" className="text-xl font-semibold">
          Standpunt gevraagd aan jullie voorziening
        </h2>
        {data.consultations.length === 0 ? (
          <p className="mt-3">Er wordt geen standpunt van jullie voorziening gevraagd.</p>
        ) : (
          <DataTable
            caption="Aanmeldingen waarvoor een standpunt gevraagd is"
            className="mt-3"
            rows={data.consultations}
            rowKey={(c) => c.id}
            columns={[
              {
                header: 'Dossier',
                cell: (c) => (
                  <a href={`/dossiers/${c.id}#voorziening`} className="text-brand-700 underline">
                    {c.reference}: {c.clientSystemLabel}
                  </a>
                ),
              },
              { header: 'Veilig Huis', cell: (c) => c.safeHouseName },
              { header: 'Gevraagd op', cell: (c) => formatDateTime(c.requestedAt) },
              {
                header: 'Standpunt',
                cell: (c) =>
                  c.respondedAt
                    ? `Gegeven (${formatDateTime(c.respondedAt)})`
                    : c.exceptionRecordedAt
                      ? 'Uitzondering geregistreerd door de coördinator'
                      : 'Nog niet gegeven',
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
