import { z } from '@/lib/validation/zod';

/**
 * Short notices after a case conference (issue 12 §5; ADR 0036): the plan is ready, the referrer
 * has an outcome to read, a case worker received feedback under the secrecy of art. 458ter §2 Sw.
 * Like the invitation (lib/mail/invitation.ts), a notice names nothing about the case — no
 * client, no dossier reference, no content — only that something waits, who sends it (the safe
 * house) and one link into the application. Every word is fixed text or one of the inputs.
 */
export type NoticeKind = 'planReady' | 'referrerOutcome' | 'feedback';

export interface NoticeMailInput {
  kind: NoticeKind;
  to: string;
  /** e.g. "Veilig Huis Antwerpen" */
  safeHouseName: string;
  /** the page in the application; the only link in the mail */
  url: string;
}

const singleLine = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => !/[\r\n]/.test(v), 'mag geen regeleinde bevatten');

const inputSchema = z.object({
  kind: z.enum(['planReady', 'referrerOutcome', 'feedback']),
  to: z.string().email(),
  safeHouseName: singleLine,
  url: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'moet een http(s)-link zijn'),
});

const TEXT: Record<NoticeKind, { subject: string; intro: string; action: string; link: string }> = {
  planReady: {
    subject: 'Plan van aanpak van een casusoverleg beschikbaar',
    intro: 'Het verslag en het plan van aanpak van een casusoverleg waarvoor u werd uitgenodigd, zijn afgewerkt.',
    action: 'U leest ze in de toepassing, na aanmelding:',
    link: 'Plan van aanpak openen',
  },
  referrerOutcome: {
    subject: 'Terugmelding over een aanmelding',
    intro: 'Er is een terugmelding over een situatie die u bij het Veilig Huis aanmeldde.',
    action: 'U leest ze bij uw aanmeldingen in de toepassing, na aanmelding:',
    link: 'Aanmeldingen openen',
  },
  feedback: {
    subject: 'Terugkoppeling uit een casusoverleg',
    intro:
      'Een vaste afgevaardigde van uw organisatie heeft u terugkoppeling gegeven uit een casusoverleg. ' +
      'Daardoor bent u gebonden door de geheimhoudingsplicht van art. 458ter §2 Sw.',
    action: 'In de toepassing bevestigt u die geheimhoudingsplicht; daarna leest u de terugkoppeling:',
    link: 'Terugkoppeling openen',
  },
};

export interface NoticeMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function composeNoticeMail(input: NoticeMailInput): NoticeMail {
  const v = inputSchema.parse(input);
  const t = TEXT[v.kind];
  const subject = `${t.subject} – ${v.safeHouseName}`;
  const secrecy =
    'Omwille van de geheimhoudingsplicht (art. 458ter §2 Sw.) bevat deze e-mail geen gegevens over de casus. ' +
    'U vindt die enkel in de toepassing, na aanmelding.';
  const footer = 'Dit is een automatisch bericht. Antwoorden op deze e-mail worden niet gelezen.';
  const text = [
    'Beste,',
    '',
    t.intro,
    '',
    t.action,
    v.url,
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
<p>${e(t.intro)}</p>
<p>${e(t.action)}<br><a href="${e(v.url)}">${e(t.link)}</a></p>
<p>${e(secrecy)}</p>
<p>Met vriendelijke groeten,<br>${e(v.safeHouseName)}</p>
<p style="font-size: 12px; color: #6b7280;">${e(footer)}</p>
</body>
</html>
`;
  return { to: v.to, subject, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
