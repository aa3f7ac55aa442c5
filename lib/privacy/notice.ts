import type { RetentionTerms } from '@/lib/retention/terms';

/**
 * The privacy notice for the members of a client system (art. 16 of the decree: transparency on
 * how the processing works and how GDPR art. 12–21 apply; issue 12 §4; ADR 0030). Plain Dutch,
 * second person, no legal jargon beyond the articles a member may want to look up. The terms
 * are the ones this installation applies (lib/retention/terms.ts), never a copy of them.
 */
export interface NoticeSection {
  id: string;
  heading: string;
  paragraphs: string[];
  items?: string[];
}

const DEFAULT_DPO_CONTACT =
  'de functionaris voor gegevensbescherming van het Veilig Huis. Je hulpverlener of de coördinator van het Veilig Huis bezorgt je de contactgegevens.';

/** The DPO contact of this installation (DPO_CONTACT), or where to ask for it. */
export function dpoContact(env: Record<string, string | undefined>): string {
  // eslint-disable-next-line no-control-regex -- a setting shown on paper: line breaks and the like become spaces
  const raw = (env.DPO_CONTACT ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return raw ? raw.slice(0, 300) : DEFAULT_DPO_CONTACT;
}

const years = (n: number) => `${n} jaar`;

export function privacyNotice(terms: RetentionTerms, env: Record<string, string | undefined>): NoticeSection[] {
  return [
    {
      id: 'wie',
      heading: 'Wie werkt met je gegevens?',
      paragraphs: [
        'Het Veilig Huis van je regio werkt bij ernstig geweld in gezinnen samen met partners uit de hulpverlening, de politie en justitie. Als er kinderen betrokken zijn, ook met het Vertrouwenscentrum Kindermishandeling of het Ondersteuningscentrum Jeugdzorg.',
        'Alleen de mensen die voor jouw situatie samen rond de tafel zitten, zien je gegevens, en alleen wat ze nodig hebben om te helpen.',
      ],
    },
    {
      id: 'waarom',
      heading: 'Waarom?',
      paragraphs: [
        'Om samen een aanpak te maken die het geweld stopt en de veiligheid van jou en je gezin herstelt. Dat is de opdracht die het decreet over de Veilige Huizen (2024) het Veilig Huis geeft.',
        'De wet laat dat toe omdat het gaat om een taak van algemeen belang en om de bescherming van mensen in gevaar (Algemene Verordening Gegevensbescherming, artikel 6.1.e en 9.2.g).',
      ],
    },
    {
      id: 'welke',
      heading: 'Welke gegevens?',
      paragraphs: ['Alleen wat nodig is voor de aanpak (artikel 15 van het decreet), bijvoorbeeld:'],
      items: [
        'wie je bent: naam, geboortedatum, rijksregisternummer;',
        'hoe we je kunnen bereiken, en een veilig adres als dat nodig is;',
        'wie er tot je gezin behoort en wie er betrokken is;',
        'wat er gebeurd is, de risico’s en wat er al gedaan werd;',
        'wat de partners inbrengen, wat in het casusoverleg besproken en beslist wordt, en het plan van aanpak.',
      ],
    },
    {
      id: 'geheim',
      heading: 'Wie mag wat doorgeven?',
      paragraphs: [
        'Wie aan het casusoverleg deelneemt, moet geheimhouden wat daar gedeeld wordt (de geheimhoudingsplicht van artikel 458ter, §2 van het Strafwetboek).',
        'Iets doorgeven buiten het overleg mag alleen als alle deelnemers akkoord gaan, en alleen om jou of iemand anders te beschermen (artikel 14 van het decreet).',
        'Wie je gegevens bekijkt of wijzigt, wordt bijgehouden: wie, wanneer en waarom. De functionaris voor gegevensbescherming kan dat nakijken.',
      ],
    },
    {
      id: 'hoelang',
      heading: 'Hoe lang?',
      paragraphs: [
        'Niet langer dan nodig (artikel 15, §3 van het decreet). Daarna worden je gegevens gewist; er blijven alleen cijfers over waarin niemand te herkennen is.',
      ],
      items: [
        `Start het Veilig Huis geen traject omdat de situatie er niet voor in aanmerking komt: ${years(terms.RETENTION_YEARS_NOT_ADMISSIBLE)}.`,
        `Word je doorverwezen naar de gewone hulpverlening: ${years(terms.RETENTION_YEARS_REFERRED_TO_REGULAR_CARE)}.`,
        `Sluit de aanpak aan bij hulp die al loopt: ${years(terms.RETENTION_YEARS_ATTACHED_TO_EXISTING_CARE)}.`,
        'Na een traject in het Veilig Huis: hoogstens 15 jaar na de afsluiting. Alleen bij bepaalde vormen van geweld of zeer ernstige feiten kunnen alle deelnemers samen beslissen om dat te verlengen tot hoogstens 30 jaar.',
      ],
    },
    {
      id: 'rechten',
      heading: 'Je rechten',
      paragraphs: [
        'Je mag vragen welke gegevens we over je hebben en ze laten verbeteren als ze fout zijn. Je kunt ook vragen om ze minder te gebruiken of bezwaar maken (Algemene Verordening Gegevensbescherming, artikel 15 tot 21).',
        'Soms kan een recht beperkt worden, bijvoorbeeld als het antwoord iemand in gevaar zou brengen. Dan leggen we je uit waarom, voor zover dat kan.',
        'Vraag het aan je hulpverlener, aan de coördinator van het Veilig Huis of aan de functionaris voor gegevensbescherming.',
        'Ben je het niet eens met hoe we met je gegevens omgaan? Dan kun je klacht indienen bij de Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens.',
      ],
    },
    {
      id: 'contact',
      heading: 'Contact',
      paragraphs: [`Functionaris voor gegevensbescherming: ${dpoContact(env)}`],
    },
  ];
}
