import Link from 'next/link';
import { loadPage } from '@/lib/auth/session';
import { listMyReferrals } from '@/lib/referrals/list-my-referrals';
import { STATUS_LABEL } from '@/lib/labels';
import { formatDate } from '@/lib/time';
import { DataTable } from '@/components/ui/data-table';

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
        <DataTable
          caption="Mijn aanmeldingen"
          className="mt-6"
          rowClassName="align-top"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: 'Referentie',
              cell: (r) => (
                <Link
                  href={r.status === 'DRAFT' ? `/aanmeldingen/${r.id}/bewerken` : `/dossiers/${r.id}`}
                  className="text-brand-700 underline"
                >
                  {r.reference}
                </Link>
              ),
            },
            { header: 'Cliëntsysteem', cell: (r) => r.clientSystemLabel },
            { header: 'Veilig Huis', cell: (r) => r.safeHouse.name },
            { header: 'Ingediend', cell: (r) => formatDate(r.submittedAt) },
            {
              header: 'Status en uitkomst',
              cell: (r) => (
                <>
                  {STATUS_LABEL[r.status]}
                  {r.draftDeletedOn && (
                    <p className="mt-1 text-sm text-amber-900">
                      Wordt gewist op {formatDate(r.draftDeletedOn)} als je het concept niet verder bewerkt of indient.
                    </p>
                  )}
                  {r.decisionReasons && <p className="mt-1 text-sm text-gray-800">Motivering: {r.decisionReasons}</p>}
                  {r.conferenceOutcomes.map((o) => (
                    <div key={o.sharedAt.toISOString()} className="mt-2 text-sm text-gray-800">
                      <p className="font-medium">Terugmelding na het casusoverleg ({formatDate(o.sharedAt)}):</p>
                      <p className="whitespace-pre-line">{o.text}</p>
                    </div>
                  ))}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
