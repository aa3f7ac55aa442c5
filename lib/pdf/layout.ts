/**
 * Page layout for the PDF exports: A4 geometry, type sizes and colours, and a cursor that flows
 * paragraphs, label/value fields, list items and tables over as many pages as needed.
 */
import { PageSizes, rgb, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { wrapText } from './wrap-text';

export const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4 as [number, number];
export const MARGIN_X = 56;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const FIRST_PAGE_TOP = PAGE_HEIGHT - 56;
const CONTINUATION_TOP = PAGE_HEIGHT - 70;
const RUNNING_HEADER_BASELINE = PAGE_HEIGHT - 40;

export const BODY_SIZE = 10;
export const BODY_LEADING = 13.5;
const TABLE_SIZE = 9;
const TABLE_LEADING = 11.5;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3.5;

export const TEXT_COLOR = rgb(0.1, 0.1, 0.1);
export const MUTED_COLOR = rgb(0.38, 0.38, 0.38);
export const RULE_COLOR = rgb(0.75, 0.75, 0.75);
const HEADER_FILL = rgb(0.92, 0.92, 0.92);

const lineCount = (cells: string[][]) => Math.max(1, ...cells.map((c) => c.length));
const rowHeight = (lines: number) => lines * TABLE_LEADING + 2 * CELL_PAD_Y;

export interface Column {
  header: string;
  /** Fraction of the content width. */
  share: number;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  leading: number;
  color?: Color;
}

export class Layout {
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
  paragraph(
    text: string,
    style: TextStyle,
    options: { indent?: number; width?: number; keepLines?: number } = {},
  ): void {
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
    const { widths, headerLines, headerHeight, wrappedRows, startHeight, freshPageCapacity } = this.prepareTable(
      columns,
      rows,
    );
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
