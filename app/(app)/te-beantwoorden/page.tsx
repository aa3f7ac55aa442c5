import { loadPage } from '@/lib/auth/session';
import { listRequests } from '@/lib/admission/list-requests';
import { formatDateTime } from '@/lib/time';
import { TableScroll } from '@/components/ui/table-scroll';

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
          <TableScroll label="Aanmeldingen die op aanvulling wachten">
            <table className="mt-3 w-full text-left">
              <caption className="sr-only">Aanmeldingen die op aanvulling wachten</caption>
              <thead>
                <tr>
                  <th scope="col">Dossier</th>
                  <th scope="col">Veilig Huis</th>
                  <th scope="col">Aanvullen tot</th>
                  <th scope="col">Jullie aanvulling</th>
                </tr>
              </thead>
              <tbody>
                {data.inputRounds.map((r) => (
                  <tr key={r.id} className="border-t">
                    <td>
                      <a href={`/dossiers/${r.id}#aanvullingen`} className="text-brand-700 underline">
                        {r.reference}: {r.clientSystemLabel}
                      </a>
                    </td>
                    <td>{r.safeHouseName}</td>
                    <td>
                      {r.open ? formatDateTime(r.inputDeadline) : `Verstreken (${formatDateTime(r.inputDeadline)})`}
                    </td>
                    <td>{r.answeredAt ? `Gegeven (${formatDateTime(r.answeredAt)})` : 'Nog niet gegeven'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="h-standpunt" className="mt-8">
        <h2 id="h-standpunt" className="text-xl font-semibold">
          Standpunt gevraagd aan jullie voorziening
        </h2>
        {data.consultations.length === 0 ? (
          <p className="mt-3">Er wordt geen standpunt van jullie voorziening gevraagd.</p>
        ) : (
          <TableScroll label="Aanmeldingen waarvoor een standpunt gevraagd is">
            <table className="mt-3 w-full text-left">
              <caption className="sr-only">Aanmeldingen waarvoor een standpunt gevraagd is</caption>
              <thead>
                <tr>
                  <th scope="col">Dossier</th>
                  <th scope="col">Veilig Huis</th>
                  <th scope="col">Gevraagd op</th>
                  <th scope="col">Standpunt</th>
                </tr>
              </thead>
              <tbody>
                {data.consultations.map((c) => (
                  <tr key={c.id} className="border-t">
                    <td>
                      <a href={`/dossiers/${c.id}#voorziening`} className="text-brand-700 underline">
                        {c.reference}: {c.clientSystemLabel}
                      </a>
                    </td>
                    <td>{c.safeHouseName}</td>
                    <td>{formatDateTime(c.requestedAt)}</td>
                    <td>
                      {c.respondedAt
                        ? `Gegeven (${formatDateTime(c.respondedAt)})`
                        : c.exceptionRecordedAt
                          ? 'Uitzondering geregistreerd door de coördinator'
                          : 'Nog niet gegeven'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
