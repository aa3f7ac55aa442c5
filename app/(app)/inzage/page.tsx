import { loadPage } from '@/lib/auth/session';
import { getGdprDesk } from '@/lib/gdpr/gdpr-desk';
import { PersonSearch } from '@/components/gdpr/person-search';
import { searchPersonAction } from './actions';

export const metadata = { title: 'Inzage en rechtzetting' };

export default async function GdprDeskPage() {
  const desk = await loadPage(getGdprDesk);
  return (
    <>
      <h1 className="text-2xl font-semibold">Inzage en rechtzetting</h1>
      <div className="mt-2 max-w-3xl space-y-2">
        <p>
          Vraagt iemand welke gegevens de dossieromgeving over hem of haar bevat (recht op inzage, art. 15 AVG), of
          vraagt iemand een fout in de identificatiegegevens recht te zetten (art. 16 AVG)? Zoek de persoon hieronder
          op.
        </p>
        <p>
          Je zoekt enkel in de dossiers van {desk.safeHouses.length ? desk.safeHouses.join(', ') : 'jouw Veilig Huis'}.
          Elke zoekopdracht wordt gelogd, zonder de naam of het nummer waarop je zocht.
        </p>
      </div>
      <PersonSearch action={searchPersonAction} />
    </>
  );
}
