import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { listDossiers } from '@/lib/dossiers/list-dossiers';
import { loadPage } from '@/lib/auth/session';
import { mayImport } from '@/lib/dossier-export/import-dossier';
import { STATUS_LABEL } from '@/lib/labels';
import { formatDate } from '@/lib/time';
import { Notice } from '@/components/ui/notice';
import { noticeText } from '@/lib/forms/notices';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';

export const metadata = { title: 'Dossiers' };

type DossierRow = Extract<Awaited<ReturnType<typeof listDossiers>>, { allowed: true }>['rows'][number];

const DOSSIER_COLUMNS: DataTableColumn<DossierRow>[] = [
  {
    header: 'Referentie',
    cell: (d) => (
      <Link href={`/dossiers/${d.id}`} className="text-brand-700 underline">
        {d.reference}
      </Link>
    ),
    className: 'whitespace-nowrap',
  },
  { header: 'Cliëntsysteem', cell: (d) => d.clientSystemLabel },
  { header: 'Veilig Huis', cell: (d) => d.safeHouse.name },
  { header: 'Status', cell: (d) => STATUS_LABEL[d.status] },
  { header: 'Aangemeld op', cell: (d) => formatDate(d.submittedAt), className: 'whitespace-nowrap' },
];

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
        <DataTable
          caption={`Dossiers met referentie, cliëntsysteem, Veilig Huis, status en datum van aanmelding, ${data.total} in totaal`}
          columns={DOSSIER_COLUMNS}
          rows={data.rows}
          rowKey={(d) => d.id}
          className="mt-6"
          scroll
        />
      )}
      <Pagination page={data.page} pages={pages} href={(p) => `/dossiers?pagina=${p}`} />
    </>
  );
}
