import { z } from '@/lib/validation/zod';

/**
 * What every mail we send shares (the invitation, the notices after a case conference, the urgent
 * disclosure notice): it names nothing about the case, only fixed text, who sends it (the safe
 * house) and one link into the application. The inputs are checked here so that a caller cannot
 * smuggle a paragraph (or a second link) into the mail.
 */

// One line each, so a caller cannot smuggle a paragraph (or a second link) into the mail.
export const singleLine = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => !/[\r\n]/.test(v), 'mag geen regeleinde bevatten');

/** The only link in a mail: to a page of the application. */
export const httpLink = z
  .string()
  .url()
  .refine((v) => /^https?:\/\//i.test(v), 'moet een http(s)-link zijn');

export const SECRECY =
  'Omwille van de geheimhoudingsplicht (art. 458ter §2 Sw.) bevat deze e-mail geen gegevens over de casus. ' +
  'U vindt die enkel in de toepassing, na aanmelding.';

const FOOTER = 'Dit is een automatisch bericht. Antwoorden op deze e-mail worden niet gelezen.';

export interface MailBodyInput {
  subject: string;
  safeHouseName: string;
  intro: string;
  /** label–value lines between the intro and the link (e.g. date, time, place) */
  details?: [string, string][];
  /** the sentence before the link */
  action: string;
  url: string;
  /** the text of the link in the HTML part */
  linkLabel: string;
  secrecy?: string;
}

/** The plain-text and HTML parts of a mail: greeting, intro, details, link, secrecy, signature, footer. */
export function composeMailBody(m: MailBodyInput): { text: string; html: string } {
  const { subject, safeHouseName, intro, details = [], action, url, linkLabel, secrecy = SECRECY } = m;
  const text = [
    'Beste,',
    '',
    intro,
    '',
    ...(details.length > 0 ? [...details.map(([k, val]) => `${k}: ${val}`), ''] : []),
    action,
    url,
    '',
    secrecy,
    '',
    'Met vriendelijke groeten,',
    safeHouseName,
    '',
    FOOTER,
    '',
  ].join('\n');

  const e = escapeHtml;
  const table =
    details.length > 0
      ? `<table role="presentation" style="border-collapse: collapse;">
${details.map(([k, val]) => `<tr><th scope="row" style="text-align: left; padding: 2px 16px 2px 0;">${e(k)}</th><td>${e(val)}</td></tr>`).join('\n')}
</table>
`
      : '';
  const html = `<!DOCTYPE html>
<html lang="nl-BE">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2937;">
<p>Beste,</p>
<p>${e(intro)}</p>
${table}<p>${e(action)}<br><a href="${e(url)}">${e(linkLabel)}</a></p>
<p>${e(secrecy)}</p>
<p>Met vriendelijke groeten,<br>${e(safeHouseName)}</p>
<p style="font-size: 12px; color: #6b7280;">${e(FOOTER)}</p>
</body>
</html>
`;
  return { text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
