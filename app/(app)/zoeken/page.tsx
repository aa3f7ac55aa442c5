import { loadPage } from '@/lib/auth/session';
import { getSearchDesk } from '@/lib/search/search-desk';
import { DossierSearch } from '@/components/search/dossier-search';
import { searchDossiersAction } from './actions';

export const metadata = { title: 'Zoeken in de dossiers' };

export default async function SearchPage() {
  const desk = await loadPage(getSearchDesk);
  return (
    <>
      <h1 className="text-2xl font-semibold">Zoeken in de dossiers</h1>
      <div className="mt-2 max-w-3xl space-y-2">
        <p>
          Zoek een dossier van {desk.safeHouses.length ? desk.safeHouses.join(', ') : 'jouw Veilig Huis'} op referentie,
          op de naam van een lid of van het cliëntsysteem, op geboortedatum of op rijksregisternummer. Vul één of meer
          velden in: een dossier moet aan alle ingevulde velden voldoen.
        </p>
        <p>
          Elke zoekopdracht wordt gelogd in het toegangslog, zonder de zoektermen zelf (enkel een versleutelde
          vingerafdruk), met elk getoond dossier.
        </p>
      </div>
      <DossierSearch action={searchDossiersAction} />
    </>
  );
}
