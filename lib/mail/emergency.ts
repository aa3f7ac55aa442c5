import { z } from '@/lib/validation/zod';
import { composeMailBody, httpLink, singleLine } from './compose';

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
  safeHouseName: singleLine,
  url: httpLink,
});

export function composeEmergencyMail(input: EmergencyMailInput) {
  const v = inputSchema.parse(input);
  const subject = `Dringende mededeling buiten consensus – ${v.safeHouseName}`;
  const intro =
    `In een casus van ${v.safeHouseName} waaraan u deelneemt, werd een dringende mededeling buiten consensus ` +
    'geregistreerd. Ze staat op de agenda van het volgende casusoverleg.';
  const action = 'Lees de registratie in de toepassing, na aanmelding:';
  // shorter than the usual secrecy line (./compose.ts)
  const secrecy =
    'Omwille van de geheimhoudingsplicht (art. 458ter §2 Sw.) bevat deze e-mail geen gegevens over de casus.';
  const { text, html } = composeMailBody({
    subject,
    safeHouseName: v.safeHouseName,
    intro,
    action,
    url: v.url,
    linkLabel: 'Casusoverleg openen',
    secrecy,
  });
  return { to: v.to, subject, text, html };
}
