/**
 * CSV as Excel in a Belgian locale opens it: UTF-8 with a byte-order mark, semicolons, CRLF line
 * ends, RFC 4180 quoting. A text that a spreadsheet would run as a formula (=, +, -, @, tab, CR
 * at the start) gets a leading apostrophe, so that a crafted reason cannot execute in the DPO's
 * spreadsheet (CSV injection).
 */
export const CSV_BOM = '\uFEFF';

export function csvField(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | bigint | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(';'));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
