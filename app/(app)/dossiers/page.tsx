import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { listDossiers } from '@/lib/dossiers/list-dossiers';
import { loadPage } from '@/lib/auth/session';
import { mayImport } from '@/lib/dossier-export/import-dossier';
import { STATUS_LABEL } from '@/lib/labels';
import { formatDate } from '@/lib/time';
import { Notice } from '@/components/ui/notice';
import { noticeText } from '@/lib/forms/notices';
import { TableScroll } from '@/components/ui/table-scroll';

export const metadata = { title: 'Dossiers' };

export default async function DossiersPage({
  searchParams,
}: {
  searchParams: Promise<{ pagina?: string; melding?: string }>;
}) {
  const { pagina, melding } = await searchParams;
  const data = await loadPage((userId) => listDossiers(userId, { page: pagina }));
  if (!data.allowed) {
    return (
      <>
        <h1 className="text-2xl font-semibold">Welkom</h1>
        <p className="mt-4 max-w-2xl">
          Je rol geeft geen toegang tot de inhoud van dossiers. Gebruik het menu bovenaan voor de onderdelen die wel bij
          je rol horen.
        </p>
      </>
    );
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const importer = await loadPage(mayImport);
  return (
    <>
      <h1 className="text-2xl font-semibold">Dossiers</h1>
      {importer && (
        <p className="mt-2">
          <Link href="/dossiers/importeren" className="text-brand-700 underline">
            Dossier inlezen uit een exportbestand
          </Link>
        </p>
      )}
      <Notice>{noticeText('home', melding)}</Notice>
      <p className="mt-2 text-gray-700">
        Je ziet enkel de dossiers waarbij je rechtstreeks betrokken bent: als coördinator van het Veilig Huis, als
        aanmelder, als kernpartner die om een aanvulling gevraagd is, of als deelnemer aan het casusoverleg.
      </p>
      {data.total === 0 ? (
        <p className="mt-6 rounded border border-gray-300 bg-white p-4" role="status">
          Er zijn geen dossiers die je mag zien.
        </p>
      ) : (
        <TableScroll label="Tabel">
          <table className="mt-6 w-full border-collapse bg-white text-left">
            <caption className="sr-only">Dossiers, {data.total} in totaal</caption>
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
                  Status
                </th>
                <th scope="col" className="p-2">
                  Aangemeld op
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((d) => (
                <tr key={d.id} className="border-b border-gray-200">
                  <td className="p-2">
                    <Link href={`/dossiers/${d.id}`} className="text-brand-700 underline">
                      {d.reference}
                    </Link>
                  </td>
                  <td className="p-2">{d.clientSystemLabel}</td>
                  <td className="p-2">{d.safeHouse.name}</td>
                  <td className="p-2">{STATUS_LABEL[d.status]}</td>
                  <td className="p-2">{formatDate(d.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={data.page} pages={pages} href={(p) => `/dossiers?pagina=${p}`} />
    </>
  );
}
