/**
 * The confirmations a page shows after a successful action, per page, as one typed table. An
 * action names its notice by key (`noticeUrl('conference', …, 'gestemd')`), a page reads the
 * `melding` URL parameter through `noticeText` — so a notice an action sends and no page knows,
 * or a page that shows a notice nobody sends, does not compile. The URL carries only the key.
 */
export const NOTICES = {
  home: {
    verlaten: 'Je hebt de casus verlaten. Je ziet ze niet meer bij je dossiers.',
  },
  dossier: {
    ingediend: 'De aanmelding is ingediend bij de coördinator van het Veilig Huis.',
    'veilig-adres': 'Het veilig adres is bijgewerkt. Adres en telefoon van dat lid ziet enkel de coördinator.',
    overleg: 'Het standpunt van de gemandateerde voorziening is gevraagd. Haar medewerkers zien nu deze aanmelding.',
    getoetst: 'De toets aan art. 5 is bewaard.',
    uitzondering: 'De uitzondering is geregistreerd en gelogd.',
    standpunt: 'Het standpunt van jullie voorziening is bewaard. De coördinator ziet het.',
    beslist: 'De beslissing is bewaard. De aanmelder ziet de uitkomst en de motivering.',
    aanvulling: 'Je aanvulling is bewaard.',
    rondegesloten: 'De vraag om aanvulling is afgesloten.',
    overdracht: 'De overdracht is gevraagd. De coördinator van het andere Veilig Huis moet ze aanvaarden.',
    stem: 'De stem en rechten van het lid zijn bewaard.',
    risico: 'De nieuwe risico-inschatting is bewaard en staat in het verloop van het risico.',
  },
  conference: {
    informatie: 'De informatie is toegevoegd.',
    rechtgezet: 'De informatie is rechtgezet.',
    'item-ingetrokken': 'De informatie is ingetrokken en gewist.',
    voorstel: 'Het voorstel tot delen is ingediend. Alle deelnemers en de voorzitter moeten akkoord gaan.',
    ingetrokken: 'Het voorstel is ingetrokken.',
    gestemd: 'Je stem is geregistreerd.',
    gedeeld: 'De deling is geregistreerd.',
    verslag: 'Het verslag is bewaard.',
    beslissing: 'De beslissing is toegevoegd.',
    plan: 'Het plan van aanpak is bijgewerkt.',
    terugkoppeling:
      'De terugkoppeling is geregistreerd; de medewerker is gebonden door de geheimhoudingsplicht van art. 458ter §2 Sw.',
    verlenging:
      'Het voorstel tot verlenging van de bewaartermijn is ingediend. Alle deelnemers en de voorzitter moeten akkoord gaan.',
    afgesloten: 'Het dossier is afgesloten. Het is nu alleen nog te lezen.',
    'nota-bewaard': 'Je voorbereidingsnota is bewaard. Enkel jij kunt ze lezen.',
    'nota-verwijderd': 'Je voorbereidingsnota is verwijderd.',
    'nota-ingebracht': 'Je nota is ingebracht in het overleg en is nu zichtbaar voor alle deelnemers.',
    stem: 'De stem en rechten van het lid zijn bewaard.',
    // issue 12 §6, §7
    'actie-afgerond': 'De actie is afgerond. De casusregisseur en de coördinator zien je notitie.',
    dringend:
      'De dringende mededeling is geregistreerd en staat op de agenda van het volgende overleg. De deelnemers en de coördinator kregen een e-mail zonder gegevens over de casus.',
    definitief: 'Het verslag is definitief. Verstuur nu het plan van aanpak (binnen 14 werkdagen na het overleg).',
    verstuurd: 'Het plan van aanpak is verstuurd. De e-mails bevatten enkel een link, geen gegevens over de casus.',
  },
  feedback: {
    bevestigd: 'Je hebt de geheimhoudingsplicht bevestigd. Je kunt de terugkoppeling nu lezen.',
  },
  draft: {
    bewaard: 'Het concept is bewaard. Het is nog niet ingediend: enkel jij kunt het zien.',
  },
  sessions: {
    gepland: 'Het overleg is gepland. Nodig nu per casus de organisaties uit.',
  },
  session: {
    uitgenodigd: 'De uitnodiging is verstuurd. De e-mail bevat enkel een link, geen gegevens over de casus.',
    identiteit: 'De zichtbaarheid van de identiteit is aangepast en gelogd met de reden.',
    casusregisseur: 'De casusregisseur is aangeduid.',
    geopend: 'Het overleg is geopend. De deelnemers kunnen nu informatie inbrengen en stemmen.',
    afgesloten:
      'Het overleg is afgesloten. Verslag, beslissingen en plan van aanpak kun je nog aanvullen; informatie inbrengen en stemmen kan niet meer.',
  },
  invitations: {
    beantwoord:
      'Je antwoord is bewaard. De deelnemer moet de geheimhoudingsplicht nog bevestigen voor hij of zij de casus ziet.',
    bevestigd: 'Je hebt de geheimhoudingsplicht bevestigd. De casus staat nu bij je dossiers.',
  },
  transfers: {
    accept: 'De overdracht is aanvaard: het dossier hoort nu bij jouw Veilig Huis.',
    reject: 'De overdracht is geweigerd.',
    cancel: 'De overdracht is ingetrokken.',
  },
  gdpr: {
    rechtgezet:
      'De gegevens zijn rechtgezet. Het toegangslog vermeldt de rechtzetting en de reden, niet de oude of nieuwe waarden.',
  },
  account: {
    beeindigd: 'De sessie is beëindigd. Wie ze gebruikte, moet zich opnieuw aanmelden.',
    passkey: 'De passkey is toegevoegd. Je kunt hem voortaan gebruiken in plaats van de code uit je app.',
    'passkey-weg': 'De passkey is verwijderd. Je andere sessies zijn beëindigd.',
    onbekend: 'Die sessie bestaat niet meer.',
  },
  // issue 13 §6: the functional administrator (ADR 0043)
  admin: {
    aangemaakt: 'De gebruiker is aangemaakt. De uitnodiging om een wachtwoord in te stellen is gemaild.',
    'aangemaakt-niet-gemaild':
      'De gebruiker is aangemaakt, maar de uitnodiging kon niet gemaild worden. Probeer later opnieuw met "Opnieuw uitnodigen".',
    uitgenodigd: 'De uitnodiging om een wachtwoord in te stellen is gemaild. Een vorige link werkt niet meer.',
    'niet-gemaild': 'De uitnodiging is aangemaakt, maar kon niet gemaild worden. Probeer later opnieuw.',
    gewijzigd: 'De gegevens van de gebruiker zijn bewaard.',
    gedeactiveerd: 'De gebruiker is gedeactiveerd. Alle sessies van deze gebruiker zijn meteen beëindigd.',
    geactiveerd: 'De gebruiker is opnieuw actief en kan zich weer aanmelden.',
    'rol-toegekend': 'De rol is toegekend. De gebruiker meldt zich opnieuw aan om ze te gebruiken.',
    'rol-ingetrokken': 'De rol is ingetrokken. De sessies van de gebruiker zijn beëindigd.',
    'organisatie-aangemaakt': 'De organisatie is aangemaakt.',
    'organisatie-gewijzigd': 'De organisatie is bewaard.',
    bevestigd: 'De toegangsreview is bevestigd en gelogd.',
    'rrn-geregistreerd':
      'Het rijksregisternummer is geregistreerd. Bij de eerste aanmelding via de overheid wordt het account gekoppeld.',
    ontkoppeld:
      'De koppeling met de identiteit bij de overheid is verwijderd; de sessies van de gebruiker zijn beëindigd.',
    // issue 14 §2 (ADR 0045)
    'sleutel-ingetrokken': 'De API-sleutel is ingetrokken. Elke volgende aanroep met die sleutel wordt geweigerd.',
  },
  notifications: {
    gelezen: 'Alle meldingen zijn als gelezen gemarkeerd.',
    voorkeuren: 'Je voorkeuren voor meldingen zijn bewaard.',
  },
} as const satisfies Record<string, Record<string, string>>;

export type NoticePage = keyof typeof NOTICES;
export type Notice<P extends NoticePage> = keyof (typeof NOTICES)[P] & string;

/** `path?melding=notice#anchor`: where an action sends the user after success. */
export function noticeUrl<P extends NoticePage>(_page: P, path: string, notice: Notice<P>, anchor?: string): string {
  return `${path}?melding=${encodeURIComponent(notice)}${anchor ? `#${anchor}` : ''}`;
}

/** The text for the `melding` URL parameter on this page; nothing for an unknown or missing key. */
export function noticeText(page: NoticePage, melding: unknown): string | undefined {
  if (typeof melding !== 'string') return undefined;
  const table: Record<string, string> = NOTICES[page];
  return Object.hasOwn(table, melding) ? table[melding] : undefined;
}
