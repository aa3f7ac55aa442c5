/**
 * CSV as Excel in a Belgian locale opens it: UTF-8 with a byte-order mark, semicolons, CRLF line
 * ends, RFC 4180 quoting. A text that a spreadsheet would run as a formula (=, +, -, @, tab, CR
 * at the start) gets a leading apostrophe, so that a crafted value cannot execute in the
 * reader's spreadsheet (CSV injection). Used by every export (access log, statistics).
 */
export type CsvCell = string | number | bigint | null | undefined;

export const CSV_BOM = '\uFEFF';

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** All rows, the header first. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${CSV_BOM}${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}
