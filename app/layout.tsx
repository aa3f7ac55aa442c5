import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Veilig Huis Dossier', template: '%s · Veilig Huis Dossier' },
  description: 'Gedeelde dossieromgeving van de Veilige Huizen',
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nl-BE">
      <body className="min-h-screen">
        <a href="#inhoud" className="skip-link">
          Naar de inhoud
        </a>
        {children}
      </body>
    </html>
  );
}
