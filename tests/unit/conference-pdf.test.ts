import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFRawStream, StandardFonts, decodePDFRawStream } from 'pdf-lib';
import {
  CONFIDENTIAL_NOTICE,
  isWinAnsiEncodable,
  renderConferencePdf,
  sanitizeForWinAnsi,
  wrapText,
  type ConferencePdfInput,
  type ConferencePdfWatermark,
} from '@/lib/pdf/conference-pdf';

// --- helpers -------------------------------------------------------------------------------

/** WinAnsi (CP1252) byte for the code points that are not identical to their Latin-1 value. */
const WIN_ANSI_SPECIAL: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** How pdf-lib writes text drawn with a standard font: a hex string of WinAnsi codes, upper case. */
function winAnsiHex(text: string): string {
  return Array.from(text)
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const code = WIN_ANSI_SPECIAL[cp] ?? cp;
      if (code > 0xff) throw new Error(`not WinAnsi: ${ch}`);
      return code.toString(16).toUpperCase().padStart(2, '0');
    })
    .join('');
}

/** Decoded (inflated) content streams of each page, as latin1 text. */
function pageContents(doc: PDFDocument): string[] {
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams
      .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
      .join('\n');
  });
}

const countOf = (haystack: string, needle: string) => haystack.split(needle).length - 1;

// --- fixtures ------------------------------------------------------------------------------

const paragraph = (n: number) =>
  `Alinea ${n}. Mevrouw Naïma De Smet (moeder) gaf aan dat de situatie thuis sinds het vorige overleg ` +
  `verder geëscaleerd is. Het CAW en de politiezone bevestigden twee nieuwe meldingen. De coördinator ` +
  `vatte de signalen samen en de deelnemers overlegden over de veiligheid van de kinderen, de rol van ` +
  `de vader en de mogelijkheden van het netwerk. Er werd afgesproken om de risicotaxatie te actualiseren ` +
  `en de ouders afzonderlijk te horen. Chloë (12) verblijft tijdelijk bij haar grootouders in Brugge, ` +
  `wat rust geeft, maar de schoolgang loopt moeizaam; het CLB volgt dit op.`;

const minutes = [
  ...Array.from({ length: 8 }, (_, i) => paragraph(i + 1)),
  'Korte regel zonder punt\nmet een harde regeleinde en een heel lang woord: ' + 'x'.repeat(180),
  ...Array.from({ length: 6 }, (_, i) => paragraph(i + 9)),
].join('\n\n');

const sample: ConferencePdfInput = {
  safeHouseName: 'Veilig Huis West-Vlaanderen',
  dossierReference: 'VH-WVL-2026-0042',
  clientSystemLabel: 'Gezin D. (cliëntsysteem 7)',
  sessionDate: new Date(Date.UTC(2026, 10, 24, 13, 0)),
  location: 'Gesprekslokaal 2 🏠',
  participants: [
    { organisation: 'Veilig Huis West-Vlaanderen', person: 'Eline Vermeulen', role: 'Coördinator' },
    { organisation: 'CAW Centraal West-Vlaanderen', person: 'Jeroen Peeters', role: 'Hulpverlener' },
    { organisation: 'Politiezone Brugge', person: 'Inspecteur Sofie Maes', role: 'Referentie-inspecteur IFG' },
    { organisation: 'Vertrouwenscentrum Kindermishandeling', person: 'Zoë Claes', role: 'Consulent' },
    { organisation: 'Parket West-Vlaanderen', person: 'Mr. Pieter Wouters', role: 'Referentiemagistraat' },
  ],
  minutes,
  decisions: [
    'De risicotaxatie wordt geactualiseerd vóór het volgende overleg.',
    'Het CAW neemt de casusregie op; de coördinator blijft aanspreekpunt voor de partners.',
    'Er wordt geen contact tussen vader en kinderen georganiseerd zonder begeleiding.',
  ],
  actionPlan: {
    caseDirector: 'Jeroen Peeters (CAW)',
    goals: Array.from({ length: 4 }, (_, g) => ({
      title: `Veiligheid en stabiliteit voor moeder en kinderen – fase ${g + 1}`,
      actions: Array.from({ length: 6 }, (_, a) => ({
        description:
          `Actie ${g + 1}.${a + 1}: afspraak plannen met de betrokkenen en het veiligheidsplan overlopen, ` +
          `inclusief de afspraken rond opvang, school en de contacten met het netwerk.`,
        owner: a % 2 === 0 ? 'Jeroen Peeters' : 'Inspecteur Sofie Maes',
        due: a === 5 ? null : new Date(Date.UTC(2026, 11, 1 + a * 3)),
        done: a % 3 === 0,
      })),
    })),
  },
};

const watermark: ConferencePdfWatermark = {
  downloadedBy: 'Eline Vermeulen',
  organisation: 'Veilig Huis West-Vlaanderen',
  at: new Date(Date.UTC(2026, 10, 25, 8, 30, 0)),
};

// --- tests ---------------------------------------------------------------------------------

describe('sanitizeForWinAnsi', () => {
  it('keeps Dutch letters, the en and em dash and typographic quotes', () => {
    const s = 'Chloë, Zoë, café, naïef, coördinator – „gezin” ‘x’ € … —';
    expect(sanitizeForWinAnsi(s)).toBe(s);
  });

  it('replaces characters outside WinAnsi with "?" (one per emoji)', () => {
    expect(sanitizeForWinAnsi('Gesprek 🏠 ok')).toBe('Gesprek ? ok');
    expect(sanitizeForWinAnsi('Łódź ☺ 北京')).toBe('?ód? ? ??');
    expect(sanitizeForWinAnsi('duim 👍🏽 omhoog ❤️')).toBe('duim ? omhoog ?');
    expect(sanitizeForWinAnsi('lone \ud800 surrogate')).toBe('lone ? surrogate');
  });

  it('composes decomposed accents, normalises spaces, hyphens and line breaks', () => {
    expect(sanitizeForWinAnsi('Chloe\u0308')).toBe('Chloë');
    expect(sanitizeForWinAnsi('a\tb\u202fc\u200bd\u2011e')).toBe('a b cd-e');
    expect(sanitizeForWinAnsi('een\r\ntwee\rdrie\nvier')).toBe('een twee drie vier');
    expect(sanitizeForWinAnsi('een\r\ntwee\rdrie', { multiline: true })).toBe('een\ntwee\ndrie');
    expect(sanitizeForWinAnsi('bel\u0007')).toBe('bel?');
  });

  it('is idempotent', () => {
    const once = sanitizeForWinAnsi('Naïma 🙂 – 北\r\nok', { multiline: true });
    expect(sanitizeForWinAnsi(once, { multiline: true })).toBe(once);
  });

  it('only ever produces text the Helvetica standard font can encode', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(() => font.encodeText('🏠')).toThrow();

    const codePoints: number[] = [];
    for (let cp = 0; cp <= 0x3000; cp++) codePoints.push(cp);
    codePoints.push(0xd800, 0xfeff, 0xfffd, 0x1f3e0, 0x1f44d, 0x1f3fd, 0xe0067);
    const all = codePoints.map((cp) => String.fromCodePoint(cp)).join('');
    const sanitised = sanitizeForWinAnsi(all);
    expect(() => font.encodeText(sanitised)).not.toThrow();
    for (const ch of sanitised) expect(isWinAnsiEncodable(ch.codePointAt(0)!)).toBe(true);
  });
});

describe('wrapText', () => {
  it('keeps every line within the width, preserves words and hard-breaks over-long words', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const text = `${paragraph(1)}\n\n${'y'.repeat(300)} einde`;
    const lines = wrapText(text, font, 10, 200);
    for (const l of lines) expect(font.widthOfTextAtSize(l, 10)).toBeLessThanOrEqual(200);
    expect(lines).toContain('');
    expect(lines.join(' ').replace(/\s+/g, ' ').replace(/y /g, 'y')).toContain('y'.repeat(300) + 'einde');
    expect(
      lines
        .join(' ')
        .split(/\s+/)
        .filter((w) => w.startsWith('geëscaleerd')).length,
    ).toBe(1);
  });
});

describe('renderConferencePdf', () => {
  it('renders a multi-page A4 PDF with metadata, watermark and downloader on every page', async () => {
    const bytes = await renderConferencePdf(sample, watermark);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const pageCount = doc.getPageCount();
    expect(pageCount).toBeGreaterThanOrEqual(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }

    expect(doc.getTitle()).toBe('Verslag casusoverleg VH-WVL-2026-0042');
    expect(doc.getAuthor()).toBe('Veilig Huis West-Vlaanderen');
    expect(doc.getProducer()).toBe('Veilig Huis Dossier');
    expect(doc.getCreationDate()?.getTime()).toBe(watermark.at.getTime());
    expect(doc.getModificationDate()?.getTime()).toBe(watermark.at.getTime());

    const pages = pageContents(doc);
    expect(pages).toHaveLength(pageCount);
    const noticeHex = `<${winAnsiHex(CONFIDENTIAL_NOTICE)}>`;
    const nameHex = winAnsiHex('Eline Vermeulen (Veilig Huis West-Vlaanderen)');
    const downloadedHex = winAnsiHex('Gedownload door Eline Vermeulen');
    let totalNotices = 0;
    pages.forEach((content, i) => {
      const notices = countOf(content, noticeHex);
      expect(notices, `watermark on page ${i + 1}`).toBeGreaterThanOrEqual(1);
      totalNotices += notices;
      expect(content, `downloader on page ${i + 1}`).toContain(downloadedHex);
      expect(content).toContain(nameHex);
      expect(content, `page numbering on page ${i + 1}`).toContain(winAnsiHex(`pagina ${i + 1} van ${pageCount}`));
      expect(content).toContain(winAnsiHex('25 nov 2026, 09:30')); // 08:30 UTC = 09:30 in Brussels (CET)
    });
    expect(totalNotices).toBeGreaterThanOrEqual(pageCount);

    const all = pages.join('\n');
    for (const heading of [
      'Verslag casusoverleg',
      'Deelnemers',
      'Verslag',
      'Beslissingen',
      'Plan van aanpak',
      'Casusregisseur',
    ]) {
      expect(all, heading).toContain(`<${winAnsiHex(heading)}>`);
    }
    for (const column of ['Actie', 'Verantwoordelijke', 'Tegen', 'Status', 'afgerond', 'open']) {
      expect(all, column).toContain(`<${winAnsiHex(column)}>`);
    }
    // Sanitised emoji and Dutch characters
    expect(pages[0]).toContain(`<${winAnsiHex('Gesprekslokaal 2 ?')}>`);
    expect(pages[0]).toContain(`<${winAnsiHex('Gezin D. (cliëntsysteem 7)')}>`);
    expect(pages[0]).toContain(winAnsiHex('dinsdag 24 november 2026 om 14:00'));
    expect(all).toContain(winAnsiHex('1 dec 2026'));
    // The action plan's table header is repeated on continuation pages.
    expect(countOf(all, `<${winAnsiHex('Verantwoordelijke')}>`)).toBeGreaterThanOrEqual(4);
  });

  it('never leaves a goal title or a table header alone at the bottom of a page', async () => {
    const doc = await PDFDocument.load(await renderConferencePdf(sample, watermark));
    const headerHex = `<${winAnsiHex('Actie')}>`;
    const rowHex = `<${winAnsiHex('Actie ')}`; // first line of an action row: "Actie 1.1: …"
    const goalHex = `<${winAnsiHex('Doel ')}`;
    let headersSeen = 0;
    pageContents(doc).forEach((content, i) => {
      const lastHeader = content.lastIndexOf(headerHex);
      if (lastHeader >= 0) {
        headersSeen++;
        expect(content.indexOf(rowHex, lastHeader), `action row after header on page ${i + 1}`).toBeGreaterThan(
          lastHeader,
        );
      }
      const lastGoal = content.lastIndexOf(goalHex);
      if (lastGoal >= 0)
        expect(content.indexOf(headerHex, lastGoal), `table after goal title on page ${i + 1}`).toBeGreaterThan(
          lastGoal,
        );
    });
    expect(headersSeen).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic for the same input and watermark', async () => {
    const a = await renderConferencePdf(sample, watermark);
    const b = await renderConferencePdf(sample, watermark);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('renders an empty action plan without decisions or participants', async () => {
    const bytes = await renderConferencePdf(
      {
        ...sample,
        participants: [],
        minutes: '',
        decisions: [],
        actionPlan: { caseDirector: null, goals: [] },
      },
      watermark,
    );
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const [content] = pageContents(doc);
    expect(content).toContain(`<${winAnsiHex('Geen beslissingen genoteerd.')}>`);
    expect(content).toContain(`<${winAnsiHex('Geen doelen of acties vastgelegd.')}>`);
    expect(content).toContain(`<${winAnsiHex('Nog niet aangeduid')}>`);
    expect(content).toContain(`<${winAnsiHex(CONFIDENTIAL_NOTICE)}>`);
    expect(content).toContain(winAnsiHex('pagina 1 van 1'));
  });

  it('renders a goal without actions and survives hostile characters everywhere', async () => {
    const emoji = '🔥';
    const bytes = await renderConferencePdf(
      {
        safeHouseName: `Veilig Huis ${emoji}`,
        dossierReference: `REF-${emoji}`,
        clientSystemLabel: '北京 gezin',
        sessionDate: new Date(Number.NaN),
        location: '\u0000',
        participants: [{ organisation: emoji, person: '', role: 'x'.repeat(500) }],
        minutes: `${emoji}\r\n\r\n\t`,
        decisions: ['', `  ${emoji}  `],
        actionPlan: { caseDirector: '   ', goals: [{ title: '', actions: [] }] },
      },
      { downloadedBy: `Anna ${emoji}`, organisation: 'Org\nmet regeleinde', at: watermark.at },
    );
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Verslag casusoverleg REF-?');
    const [content] = pageContents(doc);
    expect(content).toContain(winAnsiHex('Gedownload door Anna ? (Org met regeleinde)'));
    expect(content).toContain(`<${winAnsiHex('Geen acties voor dit doel.')}>`);
  });

  it('keeps the footer bounded for an absurdly long downloader name', async () => {
    const doc = await PDFDocument.load(
      await renderConferencePdf({ ...sample, minutes: 'kort' }, { ...watermark, downloadedBy: 'Lang'.repeat(5000) }),
    );
    expect(doc.getPageCount()).toBeLessThanOrEqual(3);
  });

  it('rejects an invalid download moment', async () => {
    await expect(renderConferencePdf(sample, { ...watermark, at: new Date(Number.NaN) })).rejects.toThrow(TypeError);
  });
});
