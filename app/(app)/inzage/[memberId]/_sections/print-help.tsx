import { PrintButton } from '@/components/ui/print-button';
import { Callout } from '@/components/ui/callout';

// Printing: only the overview itself, without the site's header, the forms and the buttons.
export const PRINT_CSS = `@media print {
  body { background: white; }
  header, .skip-link, [data-print="hide"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  section { break-inside: avoid-page; }
  table { font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}`;

/** How to print the overview, and what to check before handing it over (not printed itself). */
export function PrintHelp() {
  return (
    <Callout tone="warning" as="div" data-print="hide" className="mt-4 space-y-3">
      <p className="font-semibold">Afdrukken</p>
      <p>
        Druk dit overzicht af met de knop hieronder of met Ctrl+P (Cmd+P op een Mac). Kies &ldquo;Opslaan als pdf&rdquo;
        als je het elektronisch wil bezorgen. Menu, knoppen en formulieren worden niet mee afgedrukt.
      </p>
      <p>
        Lees het overzicht na voor je het aan de betrokkene bezorgt: gegevens over andere leden van het cliëntsysteem,
        of gegevens die de veiligheid van iemand in gevaar brengen, horen er niet in (art. 15, lid 4 AVG).
      </p>
      <PrintButton />
    </Callout>
  );
}
