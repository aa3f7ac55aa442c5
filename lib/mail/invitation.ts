import { buildInvitationIcs } from './ics';
import { z } from '@/lib/validation/zod';
import { composeMailBody, httpLink, singleLine } from './compose';
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

// one line each, one http(s) link (./compose.ts)
const inputSchema = z.object({
  to: z.string().email(),
  safeHouseName: singleLine,
  start: z.date(),
  end: z.date(),
  location: singleLine,
  invitationUrl: httpLink,
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
  const details: [string, string][] = [...when, ['Plaats', v.location]];
  const { text, html } = composeMailBody({
    subject,
    safeHouseName: v.safeHouseName,
    intro,
    details,
    action,
    url: v.invitationUrl,
    linkLabel: 'Uitnodiging openen',
  });

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
