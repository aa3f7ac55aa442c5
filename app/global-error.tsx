'use client';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="nl-BE">
      <body>
        <main id="inhoud" style={{ maxWidth: '36rem', margin: '2rem auto', fontFamily: 'system-ui, sans-serif' }}>
          <h1>Er ging iets mis</h1>
          <p>
            Er is een onverwachte fout opgetreden. Foutcode voor de functioneel beheerder: {error.digest ?? 'onbekend'}
          </p>
          <p>
            <a href="/">Terug naar het overzicht</a>
          </p>
        </main>
      </body>
    </html>
  );
}
