import type { MailMessage } from './transport';

/**
 * "Something waits for you" (ADR 0031): a core partner's written input, or a mandated agency's
 * position. Mail leaves our hands, so per art. 458ter Sw. it names nothing about the case — no
 * client, no reference, no deadline, no reason: only which Veilig Huis asks, and one link to the
 * list in the application where the rest is shown after signing in.
 */
export function composeWaitingMail(input: {
  to: string;
  safeHouseName: string;
  kind: 'partnerInput' | 'agencyPosition';
  /** the list "Te beantwoorden" in the application; the only link in the mail */
  url: string;
}): MailMessage {
  const house = input.safeHouseName.replace(/[\r\n]+/g, ' ').trim();
  const what =
    input.kind === 'partnerInput'
      ? 'vraagt jouw organisatie om een schriftelijke aanvulling bij een aanmelding'
      : 'vraagt het standpunt van jouw voorziening over een aanmelding';
  const text = [
    'Goeddag,',
    '',
    `${house} ${what}.`,
    'Meld je aan in Veilig Huis Dossier om te zien wat er gevraagd wordt en tot wanneer:',
    input.url,
    '',
    'Deze e-mail bevat bewust geen gegevens over de situatie (art. 458ter Sw.).',
  ].join('\n');
  return { to: input.to, subject: 'Er wacht een vraag op je in Veilig Huis Dossier', text };
}
