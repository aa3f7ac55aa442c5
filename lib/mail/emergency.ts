import { z } from '@/lib/validation/zod';

/**
 * The notice that someone recorded an urgent disclosure outside consensus in a case (issue 12 §7;
 * ADR 0035). Like the invitation (./invitation.ts) it names nothing about the case — no client,
 * no dossier reference, no ground, no recipient, no content — only that something waits in the
 * application, from which safe house, and a link to it. Every word is fixed text or an input below.
 */
export interface EmergencyMailInput {
  to: string;
  safeHouseName: string;
  /** the case conference workspace in the application; the only link in the mail */
  url: string;
}

const inputSchema = z.object({
  to: z.string().email(),
  safeHouseName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((v) => !/[\r\n]/.test(v), 'mag geen regeleinde bevatten'),
  url: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'moet een http(s)-link zijn'),
});

export function composeEmergencyMail(input: EmergencyMailInput) {
  const v = inputSchema.parse(input);
  const subject = `Dringende mededeling buiten consensus – ${v.safeHouseName}`;
  const intro =
    `In een casus van ${v.safeHouseName} waaraan u deelneemt, werd een dringende mededeling buiten consensus ` +
    'geregistreerd. Ze staat op de agenda van het volgende casusoverleg.';
  const action = 'Lees de registratie in de toepassing, na aanmelding:';
  const secrecy =
    'Omwille van de geheimhoudingsplicht (art. 458ter §2 Sw.) bevat deze e-mail geen gegevens over de casus.';
  const footer = 'Dit is een automatisch bericht. Antwoorden op deze e-mail worden niet gelezen.';
  const text = [
    'Beste,',
    '',
    intro,
    '',
    action,
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
  const e = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!DOCTYPE html>
<html lang="nl-BE">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2937;">
<p>Beste,</p>
<p>${e(intro)}</p>
<p>${e(action)}<br><a href="${e(v.url)}">Casusoverleg openen</a></p>
<p>${e(secrecy)}</p>
<p>Met vriendelijke groeten,<br>${e(v.safeHouseName)}</p>
<p style="font-size: 12px; color: #6b7280;">${e(footer)}</p>
</body>
</html>
`;
  return { to: v.to, subject, text, html };
}
