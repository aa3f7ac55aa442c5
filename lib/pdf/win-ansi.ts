/**
 * WinAnsi sanitisation. The PDF standard fonts (Helvetica) only know the WinAnsi character set:
 * every string that ends up in a document passes through {@link sanitizeForWinAnsi}, which
 * replaces anything outside WinAnsi (emoji, most non-Latin scripts, …) with '?'.
 */

/** Code points outside 0x20–0x7E / 0xA0–0xFF that WinAnsi (CP1252) maps into 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set<number>([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** True when the standard fonts (WinAnsi encoding) can draw this code point. */
export function isWinAnsiEncodable(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRA.has(codePoint)
  );
}

/** Space-like characters that are rendered as a plain space. */
const SPACE_LIKE = /[\t\u2000-\u200a\u202f\u205f\u3000]/g;
/** Invisible joiners/selectors/modifiers that carry no glyph of their own: dropped. */
// the class lists the joiners and variation selectors one by one, on purpose
/* eslint-disable no-misleading-character-class */
const INVISIBLE =
  /[\u00ad\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]|\u{1f3fb}|\u{1f3fc}|\u{1f3fd}|\u{1f3fe}|\u{1f3ff}|[\u{e0020}-\u{e007f}]/gu;
/* eslint-enable no-misleading-character-class */
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

/** One line of text: line breaks become spaces. */
export const line = (s: string) => sanitizeForWinAnsi(s);
/** A block of text that keeps its line breaks. */
export const block = (s: string) => sanitizeForWinAnsi(s, { multiline: true });
