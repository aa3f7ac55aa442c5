import { ReferralForm } from '@/components/referral/referral-form';
import { loadPage } from '@/lib/auth/session';
import { listSafeHouses } from '@/lib/referrals/list-my-referrals';
import { emptyReferral } from '@/lib/referrals/schemas';
import { initialFormState } from '@/lib/forms/form-state';
import { saveReferralAction } from '../actions';

export const metadata = { title: 'Nieuwe aanmelding' };

export default async function NewReferralPage() {
  const houses = await loadPage(listSafeHouses);
  return (
    <>
      <h1 className="text-2xl font-semibold">Nieuwe aanmelding</h1>
      <p className="mb-6 mt-2 max-w-3xl text-gray-700">
        Meld een cliëntsysteem aan bij de coördinator van een Veilig Huis (art. 11). Je kunt een onvolledige aanmelding
        bewaren als concept en later indienen.
      </p>
      <ReferralForm
        action={saveReferralAction.bind(null, null)}
        initial={initialFormState(emptyReferral(houses.length === 1 ? houses[0]!.id : ''))}
        safeHouses={houses}
      />
    </>
  );
}
