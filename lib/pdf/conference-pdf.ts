/**
 * PDF export of a case conference (casusoverleg): minutes, decisions and action plan.
 *
 * Pure function: no Next.js, no `server-only`, no I/O. Every page carries a diagonal
 * watermark "Vertrouwelijk – art. 458ter Sw." and a footer naming the downloader and the
 * moment of download, so a leaked copy can be traced back (./watermark).
 *
 * Fonts are the PDF standard fonts (Helvetica), which only know the WinAnsi character set.
 * Every string that ends up in the document passes through {@link sanitizeForWinAnsi}, which
 * replaces anything outside WinAnsi (emoji, most non-Latin scripts, …) with '?' (./win-ansi).
 *
 * Output is deterministic for a given input: the only dates in the file are the ones passed in
 * (creation/modification date = `watermark.at`), and pdf-lib's resource-name RNG is seeded.
 *
 * Layout and pagination: ./layout; the sections of the document: ./conference-sections.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { drawActionPlan, drawDecisions, drawMinutes, drawParticipants, drawTitleBlock } from './conference-sections';
import { dateTimeFmt, fmt, isValidDate } from './dates';
import { Layout } from './layout';
import { CONFIDENTIAL_NOTICE, footerArea, stampPages } from './watermark';
import { line } from './win-ansi';

export { CONFIDENTIAL_NOTICE } from './watermark';
export { isWinAnsiEncodable, sanitizeForWinAnsi } from './win-ansi';
export { wrapText } from './wrap-text';

export type { ConferencePdfInput, ConferencePdfWatermark } from './types';
import type { ConferencePdfInput, ConferencePdfWatermark } from './types';

export const PDF_PRODUCER = 'Veilig Huis Dossier';

export async function renderConferencePdf(
  input: ConferencePdfInput,
  watermark: ConferencePdfWatermark,
): Promise<Uint8Array> {
  if (!isValidDate(watermark.at)) throw new TypeError('watermark.at must be a valid date');

  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  const title = `Verslag casusoverleg ${line(input.dossierReference)}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(line(input.safeHouseName));
  doc.setSubject(CONFIDENTIAL_NOTICE);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreator(PDF_PRODUCER);
  doc.setLanguage('nl-BE');
  doc.setCreationDate(watermark.at);
  doc.setModificationDate(watermark.at);

  // Clamped so an absurd value cannot swallow the page; real names are far shorter.
  const clamp = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  const downloader = {
    downloadedBy: clamp(line(watermark.downloadedBy)),
    organisation: clamp(line(watermark.organisation)),
    at: line(fmt(dateTimeFmt, watermark.at)),
  };
  const { footerTop, contentBottom } = footerArea(downloader, regular);

  const layout = new Layout(doc, regular, bold, line(`${input.safeHouseName} · ${title}`), contentBottom);
  drawTitleBlock(layout, input);
  drawParticipants(layout, input.participants);
  drawMinutes(layout, input.minutes);
  drawDecisions(layout, input.decisions);
  drawActionPlan(layout, input.actionPlan);

  stampPages(layout.pages, downloader, { regular, bold }, footerTop);
  return doc.save();
}
