/**
 * A minimal RFC 5545 calendar object for a case-conference invitation. Written by hand rather
 * than with a library because we need exactly one VEVENT and full control over what goes in:
 * the calendar file lands in mail boxes and calendars outside our control, so it carries no
 * personal data — only a neutral summary, a place and the link into the application.
 */
export interface InvitationIcsInput {
  /** stable across updates and the cancellation of the same meeting, e.g. "casusoverleg-<id>@<host>" */
  uid: string;
  start: Date;
  end: Date;
  /** neutral title, e.g. "Casusoverleg Veilig Huis Antwerpen" — never a client name */
  summary: string;
  /** meeting room or "Online (link in de toepassing)" */
  location: string;
  /** link to the invitation in the application */
  url: string;
  organizerEmail: string;
  /** the recipient; RFC 5546 wants at least one ATTENDEE in a REQUEST */
  attendeeEmail?: string;
  /** raise on every change so calendars replace the earlier version (RFC 5546 §2.1.4) */
  sequence?: number;
  method?: 'REQUEST' | 'CANCEL';
  /** creation time of this version; defaults to now (tests pin it) */
  dtstamp?: Date;
}

const PRODID = '-//Veilige Huizen Vlaanderen//Veilig Huis Dossier//NL';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Builds the VCALENDAR text (CRLF line endings, folded at 75 octets). */
export function buildInvitationIcs(input: InvitationIcsInput): string {
  const method = input.method ?? 'REQUEST';
  const sequence = input.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError('SEQUENCE moet een geheel getal ≥ 0 zijn');
  if (!(input.end.getTime() > input.start.getTime())) throw new RangeError('het einde moet na het begin liggen');

  const description =
    method === 'CANCEL'
      ? 'Dit casusoverleg is geannuleerd. Meer informatie vindt u in de toepassing.'
      : 'Open de uitnodiging in de toepassing om ze te aanvaarden of te weigeren en de geheimhouding te bevestigen. ' +
        'Omwille van de geheimhoudingsplicht (art. 458ter §2 Sw.) staan hier geen gegevens over de casus.';

  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${text(input.uid)}`,
    `DTSTAMP:${utc(input.dtstamp ?? new Date())}`,
    `DTSTART:${utc(input.start)}`,
    `DTEND:${utc(input.end)}`,
    `SUMMARY:${text(input.summary)}`,
    `LOCATION:${text(input.location)}`,
    `URL:${uri(input.url)}`,
    `DESCRIPTION:${text(description)}`,
    `ORGANIZER:${mailto(input.organizerEmail)}`,
    ...(input.attendeeEmail
      ? [`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailto(input.attendeeEmail)}`]
      : []),
    `SEQUENCE:${sequence}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    // Shared calendars then show "busy" without the title.
    'CLASS:CONFIDENTIAL',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

/** DATE-TIME in UTC form: YYYYMMDDTHHMMSSZ (RFC 5545 §3.3.5, form #2). */
export function formatIcsUtc(date: Date): string {
  return utc(date);
}

function utc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('ongeldige datum');
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value (RFC 5545 §3.3.11): escape \ ; , and newlines; drop other control characters. */
export function escapeIcsText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}
const text = escapeIcsText;

/** URI values are not escaped, so refuse anything that could break out of the line. */
function uri(value: string): string {
  const parsed = new URL(value);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RangeError('URL moet http(s) zijn');
  return parsed.href;
}

function mailto(email: string): string {
  if (!/^[^\s@:;,"<>]+@[^\s@:;,"<>]+$/.test(email))
    throw new RangeError('ongeldig e-mailadres in de agenda-uitnodiging');
  return `mailto:${email}`;
}

/**
 * Folds a content line into chunks of at most 75 octets (continuations start with one space,
 * which counts), cutting only between characters so UTF-8 sequences stay whole (§3.1).
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  // for…of walks code points, so surrogate pairs (emoji) are never split either.
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
