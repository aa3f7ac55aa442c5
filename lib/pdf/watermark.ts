/**
 * What makes a leaked copy traceable: a diagonal watermark "Vertrouwelijk – geheimhoudingsplicht art. 458ter §2 Sw."
 * with the downloader's name under it, and a footer naming the downloader, their organisation
 * and the moment of download, on every page.
 */
import { degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { CONTENT_WIDTH, MARGIN_X, MUTED_COLOR, PAGE_HEIGHT, PAGE_WIDTH, RULE_COLOR } from './layout';
import { sanitizeForWinAnsi } from './win-ansi';
import { wrapText } from './wrap-text';

export const CONFIDENTIAL_NOTICE = 'Vertrouwelijk – geheimhoudingsplicht art. 458ter §2 Sw.';

const FOOTER_SIZE = 7;
const FOOTER_LEADING = 9;
const FOOTER_BASELINE = 28;

const WATERMARK_COLOR = rgb(0.55, 0.55, 0.55);
const WATERMARK_OPACITY = 0.22;

/** Who downloaded the document, and when (already sanitised). */
export interface Downloader {
  downloadedBy: string;
  organisation: string;
  at: string;
}

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

function footerText(d: Downloader, page: number | string, total: number | string): string {
  return `Gedownload door ${d.downloadedBy} (${d.organisation}) op ${d.at} — ${CONFIDENTIAL_NOTICE} — pagina ${page} van ${total}`;
}

/**
 * Where the footer starts and how low content may go. Footer lines are identical on every page
 * apart from the page numbers; room is reserved for the widest plausible numbering so the layout
 * does not depend on the final page count.
 */
export function footerArea(d: Downloader, regular: PDFFont): { footerTop: number; contentBottom: number } {
  const reservedFooterLines = wrapText(footerText(d, 9999, 9999), regular, FOOTER_SIZE, CONTENT_WIDTH).length;
  const footerTop = FOOTER_BASELINE + (reservedFooterLines - 1) * FOOTER_LEADING + FOOTER_SIZE + 6;
  return { footerTop, contentBottom: footerTop + 14 };
}

/** Watermark and footer on every page. */
export function stampPages(
  pages: PDFPage[],
  d: Downloader,
  fonts: { regular: PDFFont; bold: PDFFont },
  footerTop: number,
): void {
  const { regular, bold } = fonts;
  const total = pages.length;
  const notice = sanitizeForWinAnsi(CONFIDENTIAL_NOTICE);
  const noticeSize = Math.min(54, (0.68 * Math.hypot(PAGE_WIDTH, PAGE_HEIGHT)) / bold.widthOfTextAtSize(notice, 1));
  const traceLine = `${d.downloadedBy} (${d.organisation}) – ${d.at}`;
  const traceSize = Math.min(
    14,
    (0.6 * Math.hypot(PAGE_WIDTH, PAGE_HEIGHT)) / Math.max(1, regular.widthOfTextAtSize(traceLine, 1)),
  );
  pages.forEach((page, index) => {
    drawDiagonal(page, notice, bold, noticeSize, 0);
    drawDiagonal(page, traceLine, regular, traceSize, noticeSize * 0.9);

    page.drawLine({
      start: { x: MARGIN_X, y: footerTop },
      end: { x: PAGE_WIDTH - MARGIN_X, y: footerTop },
      thickness: 0.5,
      color: RULE_COLOR,
    });
    const footerLines = wrapText(footerText(d, index + 1, total), regular, FOOTER_SIZE, CONTENT_WIDTH);
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
}
