import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Callout } from '@/components/ui/callout';
import { ImportForm } from '@/components/dossier-export/import-form';
import { loadPage } from '@/lib/auth/session';
import { mayImport } from '@/lib/dossier-export/import-dossier';

export const metadata = { title: 'Dossier inlezen' };

/** Issue 14 §4 (ADR 0047): read an exported dossier into the coordinator's own safe house. */
export default async function ImportDossierPage() {
  if (!(await loadPage(mayImport))) notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold">Dossier inlezen uit een exportbestand</h1>
      <p className="mt-2">
        <Link href="/dossiers" className="text-brand-700 underline">
          Terug naar de dossiers
        </Link>
      </p>
      <p className="mt-4 max-w-3xl">
        Het dossier komt in jouw Veilig Huis terecht als ingediende aanmelding, met een nieuwe referentie: het
        cliëntsysteem, de aanmelding met haar risicoscreening en de bijlagen. Waar het vandaan komt en wie het inlas,
        wordt bewaard en in het toegangslog geschreven. Lukt iets niet, dan wordt niets ingelezen.
      </p>
      <ImportForm />
      <Callout tone="warning" className="mt-10 text-sm">
        Vertrouwelijk – art. 458ter Sw.
      </Callout>
    </>
  );
}
