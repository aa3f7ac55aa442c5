import type { PDFFont } from 'pdf-lib';

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
