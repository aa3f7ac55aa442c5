import { ReferralForm } from '@/components/referral/referral-form';
import { Notice } from '@/components/ui/notice';
import { formatDate } from '@/lib/labels';
import { loadPage } from '@/lib/auth/session';
import { listSafeHouses } from '@/lib/referrals/list-my-referrals';
import { getReferralForEdit } from '@/lib/referrals/get-referral-for-edit';
import { initialFormState } from '@/lib/forms/form-state';
import { saveReferralAction } from '../../actions';
import { noticeText } from '@/lib/forms/notices';

export const metadata = { title: 'Aanmelding (concept)' };

export default async function EditReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { id } = await params;
  const { melding } = await searchParams;
  const [{ values, draftDeletedOn }, houses] = await loadPage((userId) =>
    Promise.all([getReferralForEdit(userId, id), listSafeHouses(userId)]),
  );
  return (
    <>
      <h1 className="text-2xl font-semibold">Aanmelding (concept)</h1>
      <Notice>{noticeText('draft', melding)}</Notice>
      <p className="mt-3 max-w-3xl rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
        Een concept dat niet verder bewerkt of ingediend wordt, wordt gewist op{' '}
        <strong>{formatDate(draftDeletedOn)}</strong> (bewaring niet langer dan nodig). Elke keer dat je bewaart, begint
        die termijn opnieuw.
      </p>
      <div className="mt-6">
        <ReferralForm
          action={saveReferralAction.bind(null, id)}
          initial={initialFormState(values)}
          safeHouses={houses}
        />
      </div>
    </>
  );
}
