import type { Role } from '@/lib/generated/prisma/enums';

/**
 * The kinds of notification (issue 13 §2; ADR 0039): each says only THAT something waits, never
 * what — no client, no reference, no content. Shared by the page, the preference form, the use
 * cases and the worker, so the labels and the mail texts live here once.
 */
export const NOTIFICATION_KINDS = [
  'REFERRAL_TO_TRIAGE',
  'INPUT_ROUND',
  'CONSULTATION',
  'INVITATION',
  'DISCLOSURE_VOTE',
  'RETENTION_VOTE',
  'ACTION_DUE',
  'ACTION_OVERDUE',
  'TRANSFER',
  'PLAN_READY',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_MODES = ['IMMEDIATE', 'DIGEST', 'OFF'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export const NOTIFICATION_MODE_LABEL: Record<NotificationMode, string> = {
  IMMEDIATE: 'Meteen een e-mail',
  DIGEST: 'In het dagelijkse overzicht (07:00)',
  OFF: 'Geen e-mail (enkel bij Meldingen)',
};

/**
 * Kinds whose mail the use case sends itself, as part of the act (the invitation with its calendar
 * file, the distribution of the plan — recorded per recipient and in the access log): the
 * notification is in-app only, so no one gets the same thing twice; no preference applies.
 */
export const DIRECT_MAIL_KINDS = ['INVITATION', 'PLAN_READY'] as const satisfies readonly NotificationKind[];
export const CONFIGURABLE_KINDS = NOTIFICATION_KINDS.filter(
  (k) => !(DIRECT_MAIL_KINDS as readonly string[]).includes(k),
) as Exclude<NotificationKind, (typeof DIRECT_MAIL_KINDS)[number]>[];

/** One line in the list, in the digest (with a count) and in the mail's subject. */
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  REFERRAL_TO_TRIAGE: 'Nieuwe aanmelding om te toetsen',
  INPUT_ROUND: 'Vraag om schriftelijke aanvulling (kernpartner)',
  CONSULTATION: 'Standpunt gevraagd aan je voorziening (VK/OCJ)',
  INVITATION: 'Uitnodiging voor een casusoverleg',
  DISCLOSURE_VOTE: 'Stemming over een voorstel tot delen',
  RETENTION_VOTE: 'Stemming over een langere bewaartermijn',
  ACTION_DUE: 'Actie uit een plan van aanpak binnenkort te doen',
  ACTION_OVERDUE: 'Actie uit een plan van aanpak over tijd',
  TRANSFER: 'Overdracht van een dossier om te aanvaarden',
  PLAN_READY: 'Plan van aanpak beschikbaar',
};

/** The sentence of the mail and of the list: only that something waits. */
export const NOTIFICATION_KIND_SENTENCE: Record<NotificationKind, string> = {
  REFERRAL_TO_TRIAGE: 'Er wacht een nieuwe aanmelding in de lijst om te toetsen.',
  INPUT_ROUND: 'Uw organisatie wordt gevraagd om een schriftelijke aanvulling bij een aanmelding.',
  CONSULTATION: 'Het standpunt van uw voorziening wordt gevraagd over een aanmelding.',
  INVITATION: 'Uw organisatie is uitgenodigd voor een casusoverleg.',
  DISCLOSURE_VOTE: 'Er wacht een voorstel tot delen op uw stem.',
  RETENTION_VOTE: 'Er wacht een voorstel tot langere bewaartermijn op uw stem.',
  ACTION_DUE: 'Een actie uit een plan van aanpak moet binnen twee werkdagen gebeuren.',
  ACTION_OVERDUE: 'Een actie uit een plan van aanpak is over tijd.',
  TRANSFER: 'Er wacht een overdracht van een dossier op aanvaarding.',
  PLAN_READY: 'Het plan van aanpak van een casusoverleg is beschikbaar.',
};

const COORDINATING: readonly Role[] = ['COORDINATOR'];

/**
 * The default per kind and role when the user chose nothing (ADR 0039): what is urgent for the
 * safety of a client system or bound to a short term comes at once (a new referral for the
 * coordinator, a question with a deadline, a vote at a running conference, a transfer); the
 * reminders of actions come in the morning digest. The coordinator's representative stands in:
 * new referrals reach them in the digest (the coordinator has them at once).
 */
export function defaultMode(kind: NotificationKind, roles: readonly Role[]): NotificationMode {
  switch (kind) {
    case 'REFERRAL_TO_TRIAGE':
      return roles.some((r) => COORDINATING.includes(r)) ? 'IMMEDIATE' : 'DIGEST';
    case 'ACTION_DUE':
    case 'ACTION_OVERDUE':
      return 'DIGEST';
    default:
      return 'IMMEDIATE';
  }
}
