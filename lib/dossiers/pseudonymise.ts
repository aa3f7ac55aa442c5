/**
 * Pseudonymisation of free text for an expert invited for expertise (memorandum to art. 12;
 * ADR 0017): every name of a member (first name, last name, full name) and of a contact, and the
 * client system's label, is replaced by the pseudonym the expert sees elsewhere ("Lid 2"). Matching
 * is case- and accent-insensitive, on whole words only, longest names first (so "Els Peeters"
 * becomes one pseudonym, not two).
 */
export interface Person {
  pseudonym: string;
  names: (string | null | undefined)[];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** letters and digits of any script count as word characters */
const WORD = '\\p{L}\\p{N}';

export function pseudonymiseText(text: string, people: readonly Person[]): string {
  if (!text) return text;
  const folded = fold(text);
  // the folded text has the same length as the original only when folding removed nothing that
  // changes offsets; NFD + mark removal keeps base letters one-to-one for Latin scripts, so we map
  // matches back by position on a folded copy of equal length (checked below).
  const candidates: { name: string; pseudonym: string }[] = [];
  for (const p of people) {
    const parts = p.names.filter((n): n is string => !!n && n.trim().length >= 2).map((n) => n.trim());
    const full = parts.length > 1 ? [parts.join(' ')] : [];
    for (const name of [...full, ...parts]) candidates.push({ name: fold(name), pseudonym: p.pseudonym });
  }
  candidates.sort((a, b) => b.name.length - a.name.length);
  if (candidates.length === 0) return text;
  const source = folded.length === text.length ? text : text.normalize('NFC');
  const base = fold(source);
  if (base.length !== source.length) {
    // fall back to a replacement on the folded text itself (loses accents, keeps safety)
    return replaceAll(base, base, candidates);
  }
  return replaceAll(source, base, candidates);
}

function replaceAll(original: string, folded: string, candidates: { name: string; pseudonym: string }[]): string {
  const pattern = new RegExp(`(?<![${WORD}])(${candidates.map((c) => escape(c.name)).join('|')})(?![${WORD}])`, 'gu');
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(pattern)) {
    const start = m.index!;
    out += original.slice(last, start) + candidates.find((c) => c.name === m[1])!.pseudonym;
    last = start + m[1]!.length;
  }
  return out + original.slice(last);
}
