import { z } from '@/lib/validation/zod';
import { composeMailBody, httpLink, singleLine } from './compose';

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

const inputSchema = z.object({
  kind: z.enum(['planReady', 'referrerOutcome', 'feedback']),
  to: z.string().email(),
  safeHouseName: singleLine,
  url: httpLink,
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
  const { text, html } = composeMailBody({
    subject,
    safeHouseName: v.safeHouseName,
    intro: t.intro,
    action: t.action,
    url: v.url,
    linkLabel: t.link,
  });
  return { to: v.to, subject, text, html };
}
