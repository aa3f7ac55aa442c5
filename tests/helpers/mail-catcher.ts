import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { resetMailTransportForTests } from '@/lib/mail/transport';

export interface CaughtMail {
  to: string[];
  raw: string;
}

/**
 * A local SMTP server that keeps every mail sent to it in `mails`; the application mails there
 * (SMTP_URL) and links to https://dossier.veiligehuizen.example (APP_BASE_URL) until stop().
 */
export async function startMailCatcher(mails: CaughtMail[] = []) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.APP_BASE_URL = 'https://dossier.veiligehuizen.example';
  resetMailTransportForTests();
  return {
    mails,
    async stop() {
      delete process.env.SMTP_URL;
      resetMailTransportForTests();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
