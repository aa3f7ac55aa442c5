import Link from 'next/link';

export const metadata = { title: 'Niet gevonden' };

export default function NotFound() {
  return (
    <main id="inhoud" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Niet gevonden</h1>
      <p className="mt-4">
        Deze pagina bestaat niet, of je hebt er geen toegang toe. Dossiers zijn enkel zichtbaar voor wie er rechtstreeks
        bij betrokken is.
      </p>
      <p className="mt-4">
        <Link className="text-brand-700 underline" href="/">
          Terug naar het overzicht
        </Link>
      </p>
    </main>
  );
}
