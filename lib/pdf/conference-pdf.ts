/**
 * PDF export of a case conference (casusoverleg): minutes, decisions and action plan.
 *
 * Pure function: no Next.js, no `server-only`, no I/O. Every page carries a diagonal
 * watermark "Vertrouwelijk – art. 458ter Sw." and a footer naming the downloader and the
 * moment of download, so a leaked copy can be traced back.
 *
 * Fonts are the PDF standard fonts (Helvetica), which only know the WinAnsi character set.
 * Every string that ends up in the document passes through {@link sanitizeForWinAnsi}, which
 * replaces anything outside WinAnsi (emoji, most non-Latin scripts, …) with '?'.
 *
 * Output is deterministic for a given input: the only dates in the file are the ones passed in
 * (creation/modification date = `watermark.at`), and pdf-lib's resource-name RNG is seeded.
 */
import { PDFDocument, PageSizes, StandardFonts, degrees, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';

export interface ConferencePdfInput {
  safeHouseName: string;
  dossierReference: string;
  clientSystemLabel: string; // may be pseudonymised by the caller
  sessionDate: Date;
  location: string;
  participants: { organisation: string; person: string; role: string }[];
  minutes: string; // free text, may be long, with newlines
  decisions: string[];
  actionPlan: {
    caseDirector: string | null;
    goals: { title: string; actions: { description: string; owner: string; due: Date | null; done: boolean }[] }[];
  };
}

export interface ConferencePdfWatermark {
  downloadedBy: string;
  organisation: string;
  at: Date;
}

export const CONFIDENTIAL_NOTICE = 'Vertrouwelijk – art. 458ter Sw.';
export const PDF_PRODUCER = 'Veilig Huis Dossier';

// ---------------------------------------------------------------------------------------------
// WinAnsi sanitisation
// ---------------------------------------------------------------------------------------------

/** Code points outside 0x20–0x7E / 0xA0–0xFF that WinAnsi (CP1252) maps into 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set<number>([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** True when the standard fonts (WinAnsi encoding) can draw this code point. */
export function isWinAnsiEncodable(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_EXTRA.has(codePoint);
}

/** Space-like characters that are rendered as a plain space. */
const SPACE_LIKE = /[\t\u2000-\u200a\u202f\u205f\u3000]/g;
/** Invisible joiners/selectors/modifiers that carry no glyph of their own: dropped. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]|\u{1f3fb}|\u{1f3fc}|\u{1f3fd}|\u{1f3fe}|\u{1f3ff}|[\u{e0020}-\u{e007f}]/gu;
/** Dash-like characters outside WinAnsi that read fine as a hyphen-minus. */
const HYPHEN_LIKE = /[\u2010-\u2012\u2212]/g;

/**
 * Make a string safe for the WinAnsi-encoded standard fonts. Text is NFC-normalised (so a
 * decomposed "e" + combining diaeresis becomes "ë"), typographic spaces become a space, invisible
 * joiners are dropped, and every remaining unsupported character (one per code point, so an emoji
 * becomes a single '?') is replaced with '?'. Line breaks are normalised to '\n' and kept when
 * `multiline` is true, otherwise they become a space. Idempotent.
 */
export function sanitizeForWinAnsi(text: string, options: { multiline?: boolean } = {}): string {
  const normalised = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(SPACE_LIKE, ' ')
    .replace(INVISIBLE, '')
    .replace(HYPHEN_LIKE, '-');
  let out = '';
  for (const ch of normalised) {
    if (ch === '\n') {
      out += options.multiline ? '\n' : ' ';
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    out += isWinAnsiEncodable(cp) ? ch : '?';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word wrapping
// ---------------------------------------------------------------------------------------------

/**
 * Wrap (already sanitised) text into lines no wider than `maxWidth` at `size`. Explicit '\n'
 * starts a new line (an empty paragraph yields an empty line); runs of spaces collapse; a word
 * wider than the line is broken by characters.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(' ').filter((w) => w.length > 0);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      if (width(word) <= maxWidth) {
        current = word;
        continue;
      }
      // Hard-break an over-long word (URL, long identifier, …).
      let chunk = '';
      for (const ch of word) {
        if (chunk && width(chunk + ch) > maxWidth) {
          lines.push(chunk);
          chunk = '';
        }
        chunk += ch;
      }
      current = chunk;
    }
    lines.push(current);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Dates (nl-BE, Europe/Brussels)
// ---------------------------------------------------------------------------------------------

const TIME_ZONE = 'Europe/Brussels';
const dateFmt = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeZone: TIME_ZONE });
const dateTimeFmt = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
const longDateTimeFmt = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE });

const isValidDate = (d: Date) => !Number.isNaN(d.getTime());
const fmt = (f: Intl.DateTimeFormat, d: Date | null) => (d === null ? '—' : isValidDate(d) ? f.format(d) : 'onbekend');

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4 as [number, number];
const MARGIN_X = 56;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const FIRST_PAGE_TOP = PAGE_HEIGHT - 56;
const CONTINUATION_TOP = PAGE_HEIGHT - 70;
const RUNNING_HEADER_BASELINE = PAGE_HEIGHT - 40;

const FOOTER_SIZE = 7;
const FOOTER_LEADING = 9;
const FOOTER_BASELINE = 28;

const BODY_SIZE = 10;
const BODY_LEADING = 13.5;
const TABLE_SIZE = 9;
const TABLE_LEADING = 11.5;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3.5;

const TEXT_COLOR = rgb(0.1, 0.1, 0.1);
const MUTED_COLOR = rgb(0.38, 0.38, 0.38);
const RULE_COLOR = rgb(0.75, 0.75, 0.75);
const HEADER_FILL = rgb(0.92, 0.92, 0.92);
const WATERMARK_COLOR = rgb(0.55, 0.55, 0.55);
const WATERMARK_OPACITY = 0.22;

const lineCount = (cells: string[][]) => Math.max(1, ...cells.map((c) => c.length));
const rowHeight = (lines: number) => lines * TABLE_LEADING + 2 * CELL_PAD_Y;

interface Column {
  header: string;
  /** Fraction of the content width. */
  share: number;
}

const PARTICIPANT_COLUMNS: Column[] = [
  { header: 'Organisatie', share: 0.38 },
  { header: 'Naam', share: 0.32 },
  { header: 'Rol', share: 0.3 },
];

const ACTION_COLUMNS: Column[] = [
  { header: 'Actie', share: 0.46 },
  { header: 'Verantwoordelijke', share: 0.24 },
  { header: 'Tegen', share: 0.16 },
  { header: 'Status', share: 0.14 },
];

interface TextStyle {
  font: PDFFont;
  size: number;
  leading: number;
  color?: Color;
}

class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  /** Top of the next line to draw. */
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly runningHeader: string,
    /** Lowest y that content may reach (above the footer). */
    private readonly bottom: number,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    if (this.pages.length === 1) {
      this.y = FIRST_PAGE_TOP;
      return;
    }
    this.drawAt(this.runningHeader, MARGIN_X, RUNNING_HEADER_BASELINE, this.regular, 8, MUTED_COLOR);
    this.page.drawLine({
      start: { x: MARGIN_X, y: RUNNING_HEADER_BASELINE - 6 },
      end: { x: PAGE_WIDTH - MARGIN_X, y: RUNNING_HEADER_BASELINE - 6 },
      thickness: 0.5,
      color: RULE_COLOR,
    });
    this.y = CONTINUATION_TOP;
  }

  /** Space left on the current page. */
  get remaining(): number {
    return this.y - this.bottom;
  }

  /** Break to a new page unless `height` still fits. */
  ensure(height: number): void {
    if (height > this.remaining) this.newPage();
  }

  space(height: number): void {
    this.y = Math.max(this.y - height, this.bottom);
  }

  /** Draws one line of (already sanitised, single-line) text with its baseline at (x, y). */
  drawAt(text: string, x: number, baseline: number, font: PDFFont, size: number, color: Color = TEXT_COLOR): void {
    if (text === '') return;
    this.page.drawText(text, { x, y: baseline, font, size, color });
  }

  /** Wrapped text starting at the cursor, breaking pages between lines. */
  paragraph(text: string, style: TextStyle, options: { indent?: number; width?: number; keepLines?: number } = {}): void {
    const indent = options.indent ?? 0;
    const lines = wrapText(text, style.font, style.size, options.width ?? CONTENT_WIDTH - indent);
    // Keep the first few lines together (avoids a heading or a single orphan line at the bottom).
    this.ensure(Math.min(lines.length, options.keepLines ?? 1) * style.leading);
    for (const line of lines) {
      this.ensure(style.leading);
      this.drawAt(line, MARGIN_X + indent, this.y - style.size, style.font, style.size, style.color);
      this.y -= style.leading;
    }
  }

  /** A section heading, kept on the same page as the first `keepWithNext` points of what follows. */
  heading(text: string, size: number, spaceBefore: number, keepWithNext = 2 * BODY_LEADING): void {
    this.space(spaceBefore);
    this.ensure(size * 1.4 + keepWithNext);
    this.paragraph(text, { font: this.bold, size, leading: size * 1.4 });
  }

  /** A "label: value" row with a hanging value column. */
  field(label: string, value: string, labelWidth = 110): void {
    const lines = wrapText(value, this.regular, BODY_SIZE, CONTENT_WIDTH - labelWidth);
    this.ensure(BODY_LEADING);
    this.drawAt(label, MARGIN_X, this.y - BODY_SIZE, this.bold, BODY_SIZE);
    for (const line of lines) {
      this.ensure(BODY_LEADING);
      this.drawAt(line, MARGIN_X + labelWidth, this.y - BODY_SIZE, this.regular, BODY_SIZE);
      this.y -= BODY_LEADING;
    }
  }

  /** Numbered / bulleted item with a hanging indent. */
  listItem(marker: string, text: string, indent = 22): void {
    const lines = wrapText(text, this.regular, BODY_SIZE, CONTENT_WIDTH - indent);
    this.ensure(Math.min(lines.length, 2) * BODY_LEADING);
    this.drawAt(marker, MARGIN_X, this.y - BODY_SIZE, this.regular, BODY_SIZE);
    for (const line of lines) {
      this.ensure(BODY_LEADING);
      this.drawAt(line, MARGIN_X + indent, this.y - BODY_SIZE, this.regular, BODY_SIZE);
      this.y -= BODY_LEADING;
    }
  }

  private prepareTable(columns: Column[], rows: string[][]) {
    const widths = columns.map((c) => c.share * CONTENT_WIDTH);
    const wrapRow = (cells: string[], font: PDFFont) =>
      widths.map((w, i) => wrapText(cells[i] ?? '', font, TABLE_SIZE, w - 2 * CELL_PAD_X));
    const headerLines = wrapRow(
      columns.map((c) => c.header),
      this.bold,
    );
    const headerHeight = rowHeight(lineCount(headerLines));
    const wrappedRows = rows.map((r) => wrapRow(r, this.regular));
    const first = wrappedRows[0];
    const freshPageCapacity = CONTINUATION_TOP - this.bottom - headerHeight;
    // Header plus the whole first row, or plus three of its lines if that row is taller than a page.
    const firstRowHeight = first ? rowHeight(lineCount(first)) : 0;
    const startHeight = headerHeight + (firstRowHeight <= freshPageCapacity ? firstRowHeight : rowHeight(3));
    return { widths, headerLines, headerHeight, wrappedRows, startHeight, freshPageCapacity };
  }

  /** Height needed to start a table on the current page (header row + first row). */
  tableStartHeight(columns: Column[], rows: string[][]): number {
    return this.prepareTable(columns, rows).startHeight;
  }

  /** Height of `text` wrapped in `style` over the content width. */
  measure(text: string, style: TextStyle): number {
    return wrapText(text, style.font, style.size, CONTENT_WIDTH).length * style.leading;
  }

  /**
   * A table whose header row repeats after every page break. Cells wrap; a row that does not fit
   * moves to the next page as a whole, and only a row taller than a full page is split.
   */
  table(columns: Column[], rows: string[][]): void {
    const { widths, headerLines, headerHeight, wrappedRows, startHeight, freshPageCapacity } = this.prepareTable(columns, rows);
    const drawHeader = () => {
      this.page.drawRectangle({
        x: MARGIN_X,
        y: this.y - headerHeight,
        width: CONTENT_WIDTH,
        height: headerHeight,
        color: HEADER_FILL,
      });
      this.drawCells(headerLines, widths, 0, lineCount(headerLines), this.bold);
      this.y -= headerHeight;
    };

    // Never leave a header row alone at the bottom of a page.
    this.ensure(startHeight);
    drawHeader();

    for (const cells of wrappedRows) {
      const total = lineCount(cells);
      if (rowHeight(total) > this.remaining && rowHeight(total) <= freshPageCapacity) {
        this.newPage();
        drawHeader();
      }
      let from = 0;
      while (from < total) {
        let fits = Math.floor((this.remaining - 2 * CELL_PAD_Y) / TABLE_LEADING);
        if (fits < 1) {
          this.newPage();
          drawHeader();
          fits = Math.floor((this.remaining - 2 * CELL_PAD_Y) / TABLE_LEADING);
        }
        const to = Math.min(total, from + Math.max(1, fits));
        this.drawCells(cells, widths, from, to, this.regular);
        this.y -= rowHeight(to - from);
        this.page.drawLine({
          start: { x: MARGIN_X, y: this.y },
          end: { x: MARGIN_X + CONTENT_WIDTH, y: this.y },
          thickness: 0.5,
          color: RULE_COLOR,
        });
        from = to;
      }
    }
  }

  private drawCells(cells: string[][], widths: number[], from: number, to: number, font: PDFFont): void {
    let x = MARGIN_X;
    widths.forEach((w, col) => {
      const lines = cells[col] ?? [];
      for (let i = from; i < to; i++) {
        const line = lines[i];
        if (line === undefined) break;
        const baseline = this.y - CELL_PAD_Y - (i - from) * TABLE_LEADING - TABLE_SIZE;
        this.drawAt(line, x + CELL_PAD_X, baseline, font, TABLE_SIZE);
      }
      x += w;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Watermark and footer
// ---------------------------------------------------------------------------------------------

/** Draws `text` centred on the page centre, rotated along the page diagonal, shifted by `offset` perpendicular to it. */
function drawDiagonal(page: PDFPage, text: string, font: PDFFont, size: number, offset: number): void {
  const angle = Math.atan2(PAGE_HEIGHT, PAGE_WIDTH);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const width = font.widthOfTextAtSize(text, size);
  const capHeight = font.heightAtSize(size, { descender: false });
  // Centre of the text box, moved perpendicular to the baseline (down-right for positive offset).
  const cx = PAGE_WIDTH / 2 + offset * sin;
  const cy = PAGE_HEIGHT / 2 - offset * cos;
  page.drawText(text, {
    x: cx - (width / 2) * cos + (capHeight / 2) * sin,
    y: cy - (width / 2) * sin - (capHeight / 2) * cos,
    font,
    size,
    color: WATERMARK_COLOR,
    opacity: WATERMARK_OPACITY,
    rotate: degrees((angle * 180) / Math.PI),
  });
}

function footerText(downloadedBy: string, organisation: string, at: string, page: number | string, total: number | string): string {
  return `Gedownload door ${downloadedBy} (${organisation}) op ${at} — ${CONFIDENTIAL_NOTICE} — pagina ${page} van ${total}`;
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

export async function renderConferencePdf(input: ConferencePdfInput, watermark: ConferencePdfWatermark): Promise<Uint8Array> {
  if (!isValidDate(watermark.at)) throw new TypeError('watermark.at must be a valid date');

  const line = (s: string) => sanitizeForWinAnsi(s);
  const block = (s: string) => sanitizeForWinAnsi(s, { multiline: true });

  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  const reference = line(input.dossierReference);
  const title = `Verslag casusoverleg ${reference}`;
  const safeHouseName = line(input.safeHouseName);

  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(safeHouseName);
  doc.setSubject(CONFIDENTIAL_NOTICE);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreator(PDF_PRODUCER);
  doc.setLanguage('nl-BE');
  doc.setCreationDate(watermark.at);
  doc.setModificationDate(watermark.at);

  // Footer lines are identical on every page apart from the page numbers; reserve room for the
  // widest plausible numbering so the layout does not depend on the final page count.
  // Clamped so an absurd value cannot swallow the page; real names are far shorter.
  const clamp = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  const downloadedBy = clamp(line(watermark.downloadedBy));
  const downloaderOrg = clamp(line(watermark.organisation));
  const downloadedAt = line(fmt(dateTimeFmt, watermark.at));
  const footerWidth = CONTENT_WIDTH;
  const reservedFooterLines = wrapText(
    footerText(downloadedBy, downloaderOrg, downloadedAt, 9999, 9999),
    regular,
    FOOTER_SIZE,
    footerWidth,
  ).length;
  const footerTop = FOOTER_BASELINE + (reservedFooterLines - 1) * FOOTER_LEADING + FOOTER_SIZE + 6;
  const contentBottom = footerTop + 14;

  const layout = new Layout(doc, regular, bold, line(`${input.safeHouseName} · ${title}`), contentBottom);
  const body: TextStyle = { font: regular, size: BODY_SIZE, leading: BODY_LEADING };
  const muted: TextStyle = { ...body, color: MUTED_COLOR };

  // --- Title block -------------------------------------------------------------------------
  layout.paragraph('Verslag casusoverleg', { font: bold, size: 18, leading: 24 });
  layout.paragraph(CONFIDENTIAL_NOTICE, { font: bold, size: 9, leading: 12, color: MUTED_COLOR });
  layout.space(10);
  layout.field('Veilig Huis', safeHouseName);
  layout.field('Dossier', reference);
  layout.field('Cliëntsysteem', line(input.clientSystemLabel));
  layout.field('Datum overleg', line(fmt(longDateTimeFmt, input.sessionDate)));
  layout.field('Locatie', line(input.location));

  // --- Participants ------------------------------------------------------------------------
  const participantRows = input.participants.map((p) => [line(p.organisation), line(p.person), line(p.role)]);
  if (participantRows.length === 0) {
    layout.heading('Deelnemers', 13, 16);
    layout.paragraph('Geen deelnemers geregistreerd.', muted);
  } else {
    layout.heading('Deelnemers', 13, 16, layout.tableStartHeight(PARTICIPANT_COLUMNS, participantRows));
    layout.table(PARTICIPANT_COLUMNS, participantRows);
  }

  // --- Minutes -----------------------------------------------------------------------------
  layout.heading('Verslag', 13, 16);
  const minutes = block(input.minutes).trim();
  if (minutes === '') {
    layout.paragraph('Geen verslag genoteerd.', muted);
  } else {
    // Paragraphs (separated by blank lines) get a little extra space; single newlines are kept as line breaks.
    const paragraphs = minutes.split(/\n[ ]*\n+/);
    paragraphs.forEach((p, i) => {
      if (i > 0) layout.space(BODY_LEADING * 0.5);
      layout.paragraph(p.replace(/^\n+|\n+$/g, ''), body, { keepLines: 2 });
    });
  }

  // --- Decisions ---------------------------------------------------------------------------
  layout.heading('Beslissingen', 13, 16);
  const decisions = input.decisions.map((d) => block(d).trim()).filter((d) => d !== '');
  if (decisions.length === 0) {
    layout.paragraph('Geen beslissingen genoteerd.', muted);
  } else {
    decisions.forEach((d, i) => {
      if (i > 0) layout.space(3);
      layout.listItem(`${i + 1}.`, d);
    });
  }

  // --- Action plan -------------------------------------------------------------------------
  layout.heading('Plan van aanpak', 13, 16);
  const caseDirector = input.actionPlan.caseDirector?.trim();
  layout.field('Casusregisseur', caseDirector ? line(caseDirector) : 'Nog niet aangeduid');
  if (input.actionPlan.goals.length === 0) {
    layout.space(6);
    layout.paragraph('Geen doelen of acties vastgelegd.', muted);
  }
  input.actionPlan.goals.forEach((goal, gi) => {
    const goalTitle = `Doel ${gi + 1}: ${block(goal.title).trim() || '(zonder titel)'}`;
    const goalStyle: TextStyle = { font: bold, size: 11, leading: 15 };
    const rows = goal.actions.map((a) => [
      block(a.description).trim(),
      line(a.owner),
      line(fmt(dateFmt, a.due)),
      a.done ? 'afgerond' : 'open',
    ]);
    layout.space(gi === 0 ? 10 : 14);
    // Keep the goal title together with the table header and its first action.
    const titleHeight = Math.min(layout.measure(goalTitle, goalStyle), 3 * goalStyle.leading);
    layout.ensure(titleHeight + 3 + (rows.length === 0 ? BODY_LEADING : layout.tableStartHeight(ACTION_COLUMNS, rows)));
    layout.paragraph(goalTitle, goalStyle);
    layout.space(3);
    if (rows.length === 0) {
      layout.paragraph('Geen acties voor dit doel.', muted);
      return;
    }
    layout.table(ACTION_COLUMNS, rows);
  });

  // --- Watermark and footer on every page ----------------------------------------------------
  const total = layout.pages.length;
  const notice = sanitizeForWinAnsi(CONFIDENTIAL_NOTICE);
  const noticeSize = Math.min(54, (0.68 * Math.hypot(PAGE_WIDTH, PAGE_HEIGHT)) / bold.widthOfTextAtSize(notice, 1));
  const traceLine = `${downloadedBy} (${downloaderOrg}) – ${downloadedAt}`;
  const traceSize = Math.min(14, (0.6 * Math.hypot(PAGE_WIDTH, PAGE_HEIGHT)) / Math.max(1, regular.widthOfTextAtSize(traceLine, 1)));
  layout.pages.forEach((page, index) => {
    drawDiagonal(page, notice, bold, noticeSize, 0);
    drawDiagonal(page, traceLine, regular, traceSize, noticeSize * 0.9);

    page.drawLine({
      start: { x: MARGIN_X, y: footerTop },
      end: { x: PAGE_WIDTH - MARGIN_X, y: footerTop },
      thickness: 0.5,
      color: RULE_COLOR,
    });
    const footerLines = wrapText(footerText(downloadedBy, downloaderOrg, downloadedAt, index + 1, total), regular, FOOTER_SIZE, footerWidth);
    // Bottom-aligned so a shorter footer never collides with content.
    footerLines.forEach((text, i) => {
      page.drawText(text, {
        x: MARGIN_X,
        y: FOOTER_BASELINE + (footerLines.length - 1 - i) * FOOTER_LEADING,
        font: regular,
        size: FOOTER_SIZE,
        color: MUTED_COLOR,
      });
    });
  });

  return doc.save();
}
