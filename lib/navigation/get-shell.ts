import 'server-only';
import { rolesAllow, type GlobalAction } from '@/lib/access/policy';
import { findLiveSession, type SessionShell } from '@/lib/auth/sessions';
import { sessionTokenFor } from '@/lib/db/session-token';
import { sessionEnded } from '@/lib/errors';

/** `action: null`: for everyone signed in (Mijn werk, issue 13 §1; ADR 0038) */
const NAV: { href: string; label: string; action: GlobalAction | null }[] = [
  { href: '/', label: 'Mijn werk', action: null },
  { href: '/dossiers', label: 'Dossiers', action: 'dossier.list' },
  { href: '/triage', label: 'Te toetsen', action: 'triage.view' },
  { href: '/aanmeldingen', label: 'Mijn aanmeldingen', action: 'referral.listOwn' },
  { href: '/te-beantwoorden', label: 'Te beantwoorden', action: 'requests.listOwn' },
  { href: '/overleggen', label: 'Casusoverleggen', action: 'conference.plan' },
  { href: '/uitnodigingen', label: 'Uitnodigingen', action: 'invitation.listOwn' },
  { href: '/terugkoppeling', label: 'Terugkoppeling', action: 'feedback.listOwn' },
  { href: '/acties', label: 'Mijn acties', action: 'actions.listOwn' },
  { href: '/overdrachten', label: 'Overdrachten', action: 'transfer.view' },
  { href: '/inzage', label: 'Inzage en rechtzetting', action: 'gdpr.accessOverview' },
  { href: '/statistieken', label: 'Statistieken', action: 'statistics.view' },
  { href: '/toegangslog', label: 'Toegangslog', action: 'audit.view' },
  { href: '/beheer', label: 'Gebruikers', action: 'users.manage' },
  { href: '/beheer/organisaties', label: 'Organisaties', action: 'users.manage' },
  { href: '/beheer/toegangsreview', label: 'Toegangsreview', action: 'users.manage' },
  { href: '/beheer/api-sleutels', label: 'API-sleutels', action: 'users.manage' },
  { href: '/meldingen', label: 'Meldingen', action: 'notifications.listOwn' },
  { href: '/zoeken', label: 'Zoeken', action: 'dossier.search' },
];

export interface Shell {
  name: string;
  organisationName: string;
  roles: SessionShell['roles'];
  nav: { href: string; label: string }[];
}

/**
 * What the layout shows: who is signed in and which menu items their roles give (the same
 * policy table). No dossier content. The data come with the request's session check (one
 * statement, lib/auth/sessions.ts; issue 11 §3), so the layout runs no transaction of its own.
 */
export function shellOf(s: SessionShell): Shell {
  const roles = s.roles.map((r) => r.role);
  return {
    name: s.name,
    organisationName: s.organisationName,
    roles: s.roles,
    nav: NAV.filter((n) => n.action === null || rolesAllow(roles, n.action)).map(({ href, label }) => ({
      href,
      label,
    })),
  };
}

/** The shell of `userId`'s live session (outside a page render: tests, API). */
export async function getShell(userId: string): Promise<Shell> {
  const live = await findLiveSession(await sessionTokenFor(userId), { shell: true });
  if (!live || live.userId !== userId || live.needs || !live.shell) throw sessionEnded();
  return shellOf(live.shell);
}
