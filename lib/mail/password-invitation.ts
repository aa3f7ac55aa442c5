import type { MailMessage } from './transport';

/**
 * The invitation to set one's password (issue 13 §6; ADR 0043). It names the application and the
 * link, and until when the link works — nothing about any case, and not who is invited for which
 * role. The link carries the one-time token; only its SHA-256 is stored.
 */
export function composePasswordInvitationMail(input: { to: string; url: string; validHours: number }): MailMessage {
  const text = [
    'Goeddag,',
    '',
    'De functioneel beheerder heeft een account voor je aangemaakt in Veilig Huis Dossier, of je toegang opnieuw ingesteld.',
    `Stel je wachtwoord in met deze link (hij werkt één keer en ${input.validHours} uur lang):`,
    input.url,
    '',
    'Daarna meld je je aan met je e-mailadres en je wachtwoord, en koppel je een authenticator-app als tweede factor.',
    'Verwachtte je deze e-mail niet? Gebruik de link dan niet en meld het aan de functioneel beheerder.',
  ].join('\n');
  return { to: input.to, subject: 'Stel je wachtwoord in voor Veilig Huis Dossier', text };
}
