import { z } from '@/lib/validation/zod';
import { composeMailBody, httpLink, singleLine } from '@/lib/mail/compose';
import type { MailMessage } from '@/lib/mail/transport';
import {
  NOTIFICATION_KIND_LABEL,
  NOTIFICATION_KIND_SENTENCE,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './kinds';

/**
 * The notification mails (ADR 0039). Like every mail of the application (lib/mail/compose.ts) they
 * name nothing about a case — no client, no reference, no member, no content: only that something
 * waits, which Veilig Huis, and one link to the list of notifications in the application.
 */
const one = z.object({
  to: z.string().email(),
  kind: z.enum(NOTIFICATION_KINDS),
  safeHouseName: singleLine,
  url: httpLink,
});

export function composeNotificationMail(input: z.input<typeof one>): MailMessage {
  const v = one.parse(input);
  const subject = `${NOTIFICATION_KIND_LABEL[v.kind]} – ${v.safeHouseName}`;
  const { text, html } = composeMailBody({
    subject,
    safeHouseName: v.safeHouseName,
    intro: `${v.safeHouseName}: ${NOTIFICATION_KIND_SENTENCE[v.kind]}`,
    action: 'U ziet wat er wacht in de toepassing, na aanmelding, bij Meldingen:',
    url: v.url,
    linkLabel: 'Meldingen openen',
  });
  return { to: v.to, subject, text, html };
}

const digest = z.object({
  to: z.string().email(),
  lines: z
    .array(z.object({ safeHouseName: singleLine, kind: z.enum(NOTIFICATION_KINDS), count: z.number().int().min(1) }))
    .min(1),
  url: httpLink,
});

/** The morning digest: per Veilig Huis and kind, how many wait — counts only. */
export function composeDigestMail(input: {
  to: string;
  lines: { safeHouseName: string; kind: NotificationKind; count: number }[];
  url: string;
}): MailMessage {
  const v = digest.parse(input);
  const houses = [...new Set(v.lines.map((l) => l.safeHouseName))];
  const sender = houses.length === 1 ? houses[0]! : 'Veilig Huis Dossier';
  const total = v.lines.reduce((n, l) => n + l.count, 0);
  const subject = `Dagelijks overzicht: ${total} ${total === 1 ? 'melding' : 'meldingen'} – ${sender}`;
  const details: [string, string][] = v.lines.map((l) => [
    `${l.safeHouseName} – ${NOTIFICATION_KIND_LABEL[l.kind]}`,
    String(l.count),
  ]);
  const { text, html } = composeMailBody({
    subject,
    safeHouseName: sender,
    intro: 'Sinds het vorige overzicht wacht er het volgende op u in Veilig Huis Dossier (aantallen):',
    details,
    action: 'U ziet wat er wacht in de toepassing, na aanmelding, bij Meldingen:',
    url: v.url,
    linkLabel: 'Meldingen openen',
  });
  return { to: v.to, subject, text, html };
}
