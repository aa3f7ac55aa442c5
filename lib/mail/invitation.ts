import { buildInvitationIcs } from './ics';
import { z } from '@/lib/validation/zod';
import { formatDateLong, formatDateNumeric, formatTime, instantToBrussels } from '@/lib/time';

/**
 * The invitation mail for a case conference. Mail leaves our hands (providers, forwarding,
 * phones), so per art. 458ter Sw. it names nothing about the case: no client, no dossier
 * reference, no reason. It says who invites, when and where, and links to the invitation in
 * the application, where the invitee accepts or declines and acknowledges the secrecy.
 * Every word is fixed text or one of the inputs below.
 */
export interface InvitationMailInput {
  to: string;
  /** e.g. "Veilig Huis Antwerpen" */
  safeHouseName: string;
  start: Date;
  end: Date;
  /** meeting room or "Online (link in de toepassing)" */
  location: string;
  /** the invitation page in the application; the only link in the mail */
  invitationUrl: string;
  /** calendar UID, stable for this meeting */
  uid: string;
  organizerEmail: string;
  /** raise when the meeting changes and the mail is sent again */
  sequence?: number;
}

export interface InvitationMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  ics: string;
}

// One line each, so a caller cannot smuggle a paragraph (or a second link) into the mail.
const singleLine = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => !/[\r\n]/.test(v), 'mag geen regeleinde bevatten');

const inputSchema = z.object({
  to: z.string().email(),
  safeHouseName: singleLine,
  start: z.date(),
  end: z.date(),
  location: singleLine,
  invitationUrl: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'moet een http(s)-link zijn'),
  uid: singleLine,
  organizerEmail: z.string().email(),
  sequence: z.number().int().min(0).optional(),
});

export function composeInvitationMail(input: InvitationMailInput): InvitationMail {
  const v = inputSchema.parse(input);
  if (!(v.end.getTime() > v.start.getTime())) throw new RangeError('het einde moet na het begin liggen');

  // A case conference rarely spans midnight, but if it does, "14:00 – 09:00" would mislead.
  const sameDay = instantToBrussels(v.start).date === instantToBrussels(v.end).date;
  const when: [string, string][] = sameDay
    ? [
        ['Datum', formatDateLong(v.start)],
        ['Tijd', `${formatTime(v.start)} – ${formatTime(v.end)} (Belgische tijd)`],
      ]
    : [
        ['Van', `${formatDateLong(v.start)}, ${formatTime(v.start)} (Belgische tijd)`],
        ['Tot', `${formatDateLong(v.end)}, ${formatTime(v.end)} (Belgische tijd)`],
      ];

  const subject = `Uitnodiging casusoverleg – ${v.safeHouseName} – ${formatDateNumeric(v.start)}`;
  const intro = `U bent uitgenodigd voor een casusoverleg van ${v.safeHouseName}.`;
  const action =
    'Open de uitnodiging in de toepassing. Daar aanvaardt of weigert u de uitnodiging en bevestigt u de geheimhouding:';
  const secrecy =
    'Omwille van de geheimhoudingsplicht (art. 458ter §2 Sw.) bevat deze e-mail geen gegevens over de casus. ' +
    'U vindt die enkel in de toepassing, na aanmelding.';
  const footer = 'Dit is een automatisch bericht. Antwoorden op deze e-mail worden niet gelezen.';
  const details: [string, string][] = [...when, ['Plaats', v.location]];

  const text = [
    'Beste,',
    '',
    intro,
    '',
    ...details.map(([k, val]) => `${k}: ${val}`),
    '',
    action,
    v.invitationUrl,
    '',
    secrecy,
    '',
    'Met vriendelijke groeten,',
    v.safeHouseName,
    '',
    footer,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = `<!DOCTYPE html>
<html lang="nl-BE">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2937;">
<p>Beste,</p>
<p>${e(intro)}</p>
<table role="presentation" style="border-collapse: collapse;">
${details.map(([k, val]) => `<tr><th scope="row" style="text-align: left; padding: 2px 16px 2px 0;">${e(k)}</th><td>${e(val)}</td></tr>`).join('\n')}
</table>
<p>${e(action)}<br><a href="${e(v.invitationUrl)}">Uitnodiging openen</a></p>
<p>${e(secrecy)}</p>
<p>Met vriendelijke groeten,<br>${e(v.safeHouseName)}</p>
<p style="font-size: 12px; color: #6b7280;">${e(footer)}</p>
</body>
</html>
`;

  const ics = buildInvitationIcs({
    uid: v.uid,
    start: v.start,
    end: v.end,
    summary: `Casusoverleg ${v.safeHouseName}`,
    location: v.location,
    url: v.invitationUrl,
    organizerEmail: v.organizerEmail,
    attendeeEmail: v.to,
    ...(v.sequence !== undefined ? { sequence: v.sequence } : {}),
    method: 'REQUEST',
  });

  return { to: v.to, subject, text, html, ics };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
