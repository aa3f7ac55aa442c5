import Link from 'next/link';
import { loadPage } from '@/lib/auth/session';
import { listMyReferrals } from '@/lib/referrals/list-my-referrals';
import { STATUS_LABEL } from '@/lib/labels';
import { formatDate } from '@/lib/time';
import { TableScroll } from '@/components/ui/table-scroll';

export const metadata = { title: 'Mijn aanmeldingen' };

export default async function MyReferralsPage() {
  const rows = await loadPage(listMyReferrals);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Mijn aanmeldingen</h1>
        <Link
          href="/aanmeldingen/nieuw"
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Nieuwe aanmelding
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-gray-700">
        Je ziet de status en de uitkomst van je aanmeldingen, met de motivering van de coördinator. De inhoud van het
        casusoverleg zie je enkel als je er zelf aan deelneemt.
      </p>
      {rows.length === 0 ? (
        <p className="mt-6 rounded border border-gray-300 bg-white p-4">Je hebt nog geen aanmeldingen gedaan.</p>
      ) : (
        <TableScroll label="Mijn aanmeldingen">
          <table className="mt-6 w-full border-collapse bg-white text-left">
            <caption className="sr-only">Mijn aanmeldingen</caption>
            <thead>
              <tr className="border-b border-gray-400">
                <th scope="col" className="p-2">
                  Referentie
                </th>
                <th scope="col" className="p-2">
                  Cliëntsysteem
                </th>
                <th scope="col" className="p-2">
                  Veilig Huis
                </th>
                <th scope="col" className="p-2">
                  Ingediend
                </th>
                <th scope="col" className="p-2">
                  Status en uitkomst
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-gray-200 align-top">
                  <td className="p-2">
                    <Link
                      href={r.status === 'DRAFT' ? `/aanmeldingen/${r.id}/bewerken` : `/dossiers/${r.id}`}
                      className="text-brand-700 underline"
                    >
                      {r.reference}
                    </Link>
                  </td>
                  <td className="p-2">{r.clientSystemLabel}</td>
                  <td className="p-2">{r.safeHouse.name}</td>
                  <td className="p-2">{formatDate(r.submittedAt)}</td>
                  <td className="p-2">
                    {STATUS_LABEL[r.status]}
                    {r.draftDeletedOn && (
                      <p className="mt-1 text-sm text-amber-900">
                        Wordt gewist op {formatDate(r.draftDeletedOn)} als je het concept niet verder bewerkt of
                        indient.
                      </p>
                    )}
                    {r.decisionReasons && <p className="mt-1 text-sm text-gray-800">Motivering: {r.decisionReasons}</p>}
                    {r.conferenceOutcomes.map((o) => (
                      <div key={o.sharedAt.toISOString()} className="mt-2 text-sm text-gray-800">
                        <p className="font-medium">Terugmelding na het casusoverleg ({formatDate(o.sharedAt)}):</p>
                        <p className="whitespace-pre-line">{o.text}</p>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
