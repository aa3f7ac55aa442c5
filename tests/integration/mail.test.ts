import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { composeInvitationMail } from '@/lib/mail/invitation';
import { resetMailTransportForTests, sendMail } from '@/lib/mail/transport';
import { logger } from '@/lib/ops/logger';

/**
 * Sends invitations through a real SMTP server (smtp-server on a free local port) and reads
 * back what went over the wire. Needs no database.
 */

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, SMTP_FROM: process.env.SMTP_FROM };

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  resetMailTransportForTests();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

function useServer(url: string | undefined) {
  if (url === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = url;
  resetMailTransportForTests();
}

// A client of the safe house, as it exists elsewhere in the system: it must never reach a mail.
const CLIENT_NAME = 'Peeters';
const dossier = { clientName: `Sarah ${CLIENT_NAME}`, reference: 'VH-ANT-2026-0042' };

const invitationUrl =
  'https://dossier.veiligehuizen.invalid/casusoverleg/uitnodiging/8f3c2a1b-6d4e-4f5a-9b7c-0e1d2f3a4b5c';
const input = {
  to: 'hulpverlener@partner.example',
  safeHouseName: 'Veilig Huis Antwerpen',
  start: new Date('2026-11-25T13:00:00Z'), // 14:00 in Brussels
  end: new Date('2026-11-25T14:30:00Z'),
  location: 'Vergaderzaal 2, Lange Gasthuisstraat',
  invitationUrl,
  uid: 'casusoverleg-8f3c2a1b@veiligehuizen.invalid',
  organizerEmail: 'no-reply@veiligehuizen.invalid',
};

// --- a small MIME reader: enough for what nodemailer writes ---------------------------------

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitHeaders(entity: string): Part {
  const at = entity.indexOf('\r\n\r\n');
  const head = at === -1 ? entity : entity.slice(0, at);
  const body = at === -1 ? '' : entity.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const cte = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    const bytes = part.body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return part.body;
}

/** All leaf parts, depth first, with decoded bodies. */
function leaves(entity: string): (Part & { text: string })[] {
  const part = splitHeaders(entity);
  const boundary = /boundary="?([^";]+)"?/i.exec(part.headers['content-type'] ?? '')?.[1];
  if (!/^multipart\//i.test(part.headers['content-type'] ?? '') || !boundary)
    return [{ ...part, text: decodeBody(part) }];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections
    .filter((s) => !s.startsWith('--'))
    .flatMap((s) => leaves(s.replace(/^\r\n/, '').replace(/\r\n$/, '')));
}

/** RFC 2047 encoded words in a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function readMessage(raw: string) {
  const top = splitHeaders(raw);
  const parts = leaves(raw);
  const byType = (re: RegExp) => parts.filter((p) => re.test(p.headers['content-type'] ?? ''));
  return { headers: top.headers, subject: decodeHeader(top.headers.subject ?? ''), parts, byType };
}

// -----------------------------------------------------------------------------------------------

describe('invitation mail over SMTP', () => {
  it('delivers the invitation with its link and a text/calendar REQUEST part', async () => {
    useServer(`smtp://127.0.0.1:${port}`);
    const mail = composeInvitationMail(input);
    const result = await sendMail(mail);

    expect(result.delivered).toBe(true);
    expect(result.delivered && result.messageId).toMatch(/^<.+@.+>$/);
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.to).toEqual([input.to]);
    expect(got.from).toBe('no-reply@veiligehuizen.invalid');

    const msg = readMessage(got.raw);
    expect(msg.subject).toBe('Uitnodiging casusoverleg – Veilig Huis Antwerpen – 25/11/2026');
    expect(msg.headers.from).toContain('Veilig Huis Dossier');

    const [plain] = msg.byType(/^text\/plain/i);
    expect(plain?.text).toContain(invitationUrl);
    expect(plain?.text).toContain('woensdag 25 november 2026');
    expect(plain?.text).toContain('14:00 – 15:30');
    expect(plain?.text).toContain('Vergaderzaal 2, Lange Gasthuisstraat');
    expect(plain?.text).toContain('de geheimhoudingsplicht (art. 458ter §2 Sw.)');
    const [html] = msg.byType(/^text\/html/i);
    expect(html?.text).toContain(`href="${invitationUrl}"`);

    const calendar = msg.byType(/^text\/calendar/i);
    expect(calendar).toHaveLength(1);
    expect(calendar[0]!.headers['content-type']).toMatch(/method=REQUEST/i);
    expect(calendar[0]!.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar[0]!.text).toContain('\r\nMETHOD:REQUEST\r\n');
    expect(calendar[0]!.text).toContain(`\r\nUID:${input.uid}\r\n`);
    // and a downloadable copy for clients that do not read the calendar part
    const copy = msg.parts.find((p) => /filename="?invitation\.ics/i.test(p.headers['content-disposition'] ?? ''));
    expect(copy?.text).toBe(mail.ics);
  });

  it('carries only the given fields and fixed text: one link, no case data', async () => {
    useServer(`smtp://127.0.0.1:${port}`);
    const mail = composeInvitationMail(input);

    // The only URL anywhere in the readable text is the invitation link.
    const urls = mail.text.match(/https?:\/\/\S+/g);
    expect(urls).toEqual([invitationUrl]);
    const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([invitationUrl]);
    expect(mail.html.match(/https?:\/\//g)).toHaveLength(1);

    // The ICS holds the same fields and nothing else that varies.
    expect(mail.ics).toContain('SUMMARY:Casusoverleg Veilig Huis Antwerpen\r\n');
    expect(mail.ics).toContain('LOCATION:Vergaderzaal 2\\, Lange Gasthuisstraat\r\n');

    // Case data that exists next to this meeting never reaches the wire.
    await sendMail(mail);
    const raw = received.at(-1)!.raw;
    const decoded = readMessage(raw);
    const everything = [
      raw,
      decoded.subject,
      ...decoded.parts.map((p) => p.text),
      mail.subject,
      mail.text,
      mail.html,
      mail.ics,
    ].join('\n');
    expect(everything).not.toContain(CLIENT_NAME);
    expect(everything).not.toContain(dossier.clientName);
    expect(everything).not.toContain(dossier.reference);
  });

  it('does not send and says so when SMTP_URL is not set', async () => {
    useServer(undefined);
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const before = received.length;

    const result = await sendMail(composeInvitationMail(input));

    expect(result).toEqual({ delivered: false, reason: 'not-configured' });
    expect(received).toHaveLength(before);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls[0])).not.toContain(input.to);
  });

  it('reports an unreachable server as not delivered instead of throwing', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer();
      probe.listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    useServer(`smtp://127.0.0.1:${closedPort}`);
    const error = vi.spyOn(logger, 'error').mockImplementation(() => {});

    const started = Date.now();
    const result = await sendMail(composeInvitationMail(input));

    expect(result.delivered).toBe(false);
    expect(!result.delivered && result.reason).toMatch(/^send-failed:/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(error.mock.calls[0])).not.toContain(input.to);
  });
});
