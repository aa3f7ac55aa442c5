import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Callout } from '@/components/ui/callout';
import { ExportForm } from '@/components/dossier-export/export-form';
import { loadPage } from '@/lib/auth/session';
import { getDossier } from '@/lib/dossiers/get-dossier';

export const metadata = { title: 'Dossier exporteren' };

/** Issue 14 §4 (ADR 0047): the whole dossier as one encrypted file, for the coordinator only. */
export default async function ExportDossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadPage((userId) => getDossier(userId, id));
  if (!view.relations.includes('coordinator')) notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold">Dossier {view.dossier.reference} exporteren</h1>
      <p className="mt-2">
        <Link href={`/dossiers/${id}`} className="text-brand-700 underline">
          Terug naar het dossier
        </Link>
      </p>
      <p className="mt-4 max-w-3xl">
        Het hele dossier (cliëntsysteem, aanmelding, risico-inschattingen, beslissingen, plan van aanpak en bijlagen)
        wordt één bestand, versleuteld met je wachtzin. Geen andere dossiers, geen toegangslog en geen sleutels. De
        export en het doel ervan worden in het toegangslog bewaard.
      </p>
      <ExportForm dossierId={id} />
      <Callout tone="warning" className="mt-10 text-sm">
        Vertrouwelijk – art. 458ter Sw. Bezorg het bestand en de wachtzin langs verschillende kanalen.
      </Callout>
    </>
  );
}
