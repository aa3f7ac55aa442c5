'use client';

import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    // The server logged the details under this digest; the browser gets no details.
  }, [error]);
  return (
    <main id="inhoud" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Er ging iets mis</h1>
      <p className="mt-4">
        Er is een onverwachte fout opgetreden. Er werd niets gewijzigd dat je niet bevestigd zag. Probeer het opnieuw;
        blijft het misgaan, geef dan deze foutcode door aan de functioneel beheerder:
      </p>
      <p className="mt-2 font-mono">{error.digest ?? 'onbekend'}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
      >
        Opnieuw proberen
      </button>
    </main>
  );
}
