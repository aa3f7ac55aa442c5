import { Notice } from '@/components/ui/notice';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { accessReview } from '@/lib/admin/access-review';
import { noticeText } from '@/lib/forms/notices';
import { ROLE_LABEL, formatDate, formatDateTime } from '@/lib/labels';
import { confirmReviewAction } from '../actions';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import type { ReviewAccount } from '@/lib/admin/access-review';

export const metadata = { title: 'Toegangsreview' };

const ACCOUNT_COLUMNS: DataTableColumn<ReviewAccount>[] = [
  {
    header: 'Naam',
    cell: (a) => (
      <>
        {a.name}
        <span className="block text-gray-700">{a.email}</span>
      </>
    ),
    breakAnywhere: true,
  },
  { header: 'Organisatie', cell: (a) => a.organisationName },
  { header: 'Rollen', cell: (a) => a.roles.map((r) => ROLE_LABEL[r]).join(', ') },
  { header: 'Status', cell: (a) => (a.active ? 'actief' : 'gedeactiveerd') },
  { header: 'Laatste aanmelding', cell: (a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt) : 'nooit') },
];

/**
 * The quarterly access review (issue 13 §6): per safe house the accounts with a role there, their
 * roles and last login; each safe house confirms its accounts; exportable as CSV.
 */
export default async function AccessReviewPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const groups = await loadPage(accessReview);
  return (
    <>
      <h1 className="text-2xl font-semibold">Toegangsreview</h1>
      <Notice>{noticeText('admin', melding)}</Notice>
      <p className="mt-2 max-w-3xl text-gray-700">
        Elk kwartaal bevestigt elk Veilig Huis wie toegang heeft. Overloop per Veilig Huis de accounts, hun rollen en
        hun laatste aanmelding; deactiveer wie geen toegang meer nodig heeft, en bevestig daarna de review.
      </p>
      <p className="mt-4">
        <a href="/api/v1/toegangsreview" className="text-brand-700 underline" download>
          Download als CSV
        </a>
      </p>
      {groups.map((g) => (
        <section key={g.safeHouseId ?? 'none'} aria-labelledby={`h-${g.safeHouseId ?? 'none'}`} className="mt-8">
          <h2 id={`h-${g.safeHouseId ?? 'none'}`} className="text-xl font-semibold">
            {g.title}
          </h2>
          {g.safeHouseId && (
            <p className="mt-1 text-gray-700">
              {g.lastConfirmed
                ? `Laatst bevestigd op ${formatDate(g.lastConfirmed.at)} door ${g.lastConfirmed.byName} (${g.lastConfirmed.accounts} accounts).`
                : 'Nog nooit bevestigd.'}
            </p>
          )}
          {g.accounts.length === 0 ? (
            <p className="mt-2">Geen accounts.</p>
          ) : (
            <DataTable
              caption={`Accounts van ${g.title} met naam, organisatie, rollen, status en laatste aanmelding`}
              columns={ACCOUNT_COLUMNS}
              rows={g.accounts}
              rowKey={(a) => a.userId}
              className="mt-2 text-sm"
              scroll
            />
          )}
          {g.safeHouseId && (
            <div className="mt-2">
              <SpecForm
                action={confirmReviewAction.bind(null, g.safeHouseId)}
                submitLabel={`Review bevestigen voor ${g.title}`}
                variant="secondary"
                className=""
                label={`Toegangsreview ${g.title} bevestigen`}
                fields={[]}
              />
            </div>
          )}
        </section>
      ))}
    </>
  );
}
