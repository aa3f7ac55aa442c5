import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPersonalData, scanLogs } from '../helpers/e2e-logs';
import { formatNationalNumber } from '@/lib/validation/national-number';

const dirs: string[] = [];
function logDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-logs-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const line = (o: Record<string, unknown>) => JSON.stringify({ level: 30, time: '2026-12-07T10:00:00Z', ...o }) + '\n';

describe('the e2e log check', () => {
  it('reads the demo names and national numbers from prisma/demo.ts', () => {
    const data = demoPersonalData();
    expect(data.names).toEqual(expect.arrayContaining(['Sarah Peeters', 'Inès Vermeulen', 'Katrien Coördinator']));
    expect(data.nationalNumbers.length).toBeGreaterThanOrEqual(3);
  });

  it('passes clean JSON lines with request ids', () => {
    const dir = logDir({
      '3340.log':
        line({ component: 'server', msg: 'listening' }) +
        line({ reqId: 'abc-12345', access: true, route: '/dossiers/:id', status: 200, msg: 'request' }) +
        line({ reqId: 'abc-12345', msg: 'custom labels of a model' }),
    });
    expect(scanLogs(dir)).toEqual({ files: 1, lines: 3, problems: [] });
  });

  it('fails on a demo name, a national number (plain or formatted), a line without reqId, non-JSON and no logs', () => {
    const [nn] = demoPersonalData().nationalNumbers;
    const dir = logDir({
      'a.log':
        line({ reqId: 'r-1234567', msg: 'zoek sarah peeters' }) +
        line({ reqId: 'r-1234567', msg: `nr ${nn}` }) +
        line({ reqId: 'r-1234567', msg: `nr ${formatNationalNumber(nn!)}` }) +
        line({ msg: 'no id' }) +
        'plain text\n',
      'b.log': '',
    });
    const { problems } = scanLogs(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        'a.log:1: naam uit de demodata',
        'a.log:2: rijksregisternummer uit de demodata',
        'a.log:3: rijksregisternummer uit de demodata',
        'a.log:4: geen reqId',
        'a.log:5: geen JSON',
        'b.log: leeg',
      ]),
    );
    expect(JSON.stringify(problems)).not.toContain('eeters');
    expect(scanLogs(logDir({})).problems).toEqual([expect.stringContaining('geen logbestanden')]);
  });

  it('catches a national number the demo data does not know', () => {
    // 85.07.30-033.28 is a checksum-valid number that is not in the demo data
    expect(scanLogs(logDir({ 'c.log': line({ reqId: 'r-1234567', n: '85073003328' }) })).problems).toEqual([
      'c.log:1: iets dat op een rijksregisternummer lijkt',
    ]);
  });

  it('a request id (UUID) is not a national number, though without its hyphens it holds a checksum-valid run', () => {
    // CI saw this one: 9c667247-1652-… → …66724716524… passes the checksum once the hyphens are gone
    const reqId = '9c667247-1652-4c1e-963d-c02e3fbb4c70';
    expect(scanLogs(logDir({ 'd.log': line({ reqId, route: '/_next/static/*', status: 200 }) })).problems).toEqual([]);
    // a formatted national number next to it is still caught
    expect(scanLogs(logDir({ 'e.log': line({ reqId, n: '85.07.30-033.28' }) })).problems).toEqual([
      'e.log:1: iets dat op een rijksregisternummer lijkt',
    ]);
  });
});
