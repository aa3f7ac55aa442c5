/**
 * The check of the app servers' logs after the e2e run (issue 14 §3, ADR 0046): every line is
 * JSON and carries a request id (only the server's own lifecycle lines, `component: "server"`,
 * have none), and no line holds a demo person's name or national number. The personal data is
 * read from prisma/demo.ts itself — its `firstName`/`lastName` literals, the demo users' names
 * and its `makeNationalNumber(…)` calls — so there is no second list to keep in step; any other
 * checksum-valid national number (plain or formatted) fails the check as well.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_USERS } from '../../prisma/demo';
import { formatNationalNumber, makeNationalNumber } from '../../lib/validation/national-number';

export const E2E_LOG_DIR = path.join(import.meta.dirname, '..', '..', '.data', 'e2e-logs');

export function demoPersonalData(
  source = fs.readFileSync(path.join(import.meta.dirname, '../../prisma/demo.ts'), 'utf8'),
) {
  const names = new Set<string>(DEMO_USERS.flatMap((u) => [u.name, u.email]));
  for (const m of source.matchAll(/firstName: '([^']+)',\s*lastName: '([^']+)'/g)) names.add(`${m[1]} ${m[2]}`);
  for (const m of source.matchAll(/(?:firstName|lastName): '([^']{3,})'/g)) names.add(m[1]!);
  const numbers = new Set<string>();
  const dates = new Map<string, string>();
  for (const m of source.matchAll(/const (\w+) = \{[^}]*dateOfBirth: new Date\('([\d-]+)'\)/g)) dates.set(m[1]!, m[2]!);
  for (const m of source.matchAll(/makeNationalNumber\((?:new Date\('([\d-]+)'\)|(\w+)\.dateOfBirth), (\d+)\)/g)) {
    const date = m[1] ?? dates.get(m[2]!);
    if (!date) throw new Error(`demo.ts: no birth date for makeNationalNumber(${m[2]}.dateOfBirth)`);
    numbers.add(makeNationalNumber(new Date(date), Number(m[3])));
  }
  return { names: [...names], nationalNumbers: [...numbers] };
}

/** Any 11-digit run that passes the national number's checksum (either century). */
function looksLikeNationalNumber(digits: string): boolean {
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - (Number(`2${digits.slice(0, 9)}`) % 97) === check;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export type LogScan = { files: number; lines: number; problems: string[] };

/**
 * What of the demo's personal data a log line holds (its kinds, never the text itself): a demo
 * name or e-mail, a demo national number (plain or formatted), or any other checksum-valid one.
 */
export function personalDataFinder(data = demoPersonalData()): (line: string) => string[] {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // whole words only: "Tom" is a demo name, "custom" is not
  const word = (t: string) => new RegExp(`(?<![\\p{L}\\d])${escape(t)}(?![\\p{L}\\d])`, 'iu');
  const needles = [
    ...data.names.map((n) => ({ what: 'naam', re: word(n) })),
    ...data.nationalNumbers.flatMap((n) => [
      { what: 'rijksregisternummer', re: word(n) },
      { what: 'rijksregisternummer', re: word(formatNationalNumber(n)) },
    ]),
  ];
  return (line) => {
    const found: string[] = [];
    for (const n of needles) if (n.re.test(line)) found.push(`${n.what} uit de demodata`);
    // UUIDs (request and row ids) first: without their hyphens they hold 11-digit runs by chance
    for (const m of line
      .replace(UUID, '')
      .replace(/[.-]/g, '')
      .matchAll(/(?<!\d)\d{11}(?!\d)/g))
      if (looksLikeNationalNumber(m[0])) found.push('iets dat op een rijksregisternummer lijkt');
    return found;
  };
}

export function scanLogs(dir: string, data = demoPersonalData()): LogScan {
  const problems: string[] = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.log')) : [];
  if (files.length === 0) problems.push(`geen logbestanden in ${dir}`);
  const personalData = personalDataFinder(data);
  let count = 0;
  for (const f of files) {
    const lines = fs
      .readFileSync(path.join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    if (lines.length === 0) problems.push(`${f}: leeg`);
    lines.forEach((line, i) => {
      count++;
      const where = `${f}:${i + 1}`;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`${where}: geen JSON`);
        return;
      }
      if (typeof entry.level !== 'number') problems.push(`${where}: geen level`);
      if (typeof entry.reqId !== 'string' && entry.component !== 'server') problems.push(`${where}: geen reqId`);
      for (const what of personalData(line)) problems.push(`${where}: ${what}`);
    });
  }
  return { files: files.length, lines: count, problems };
}
