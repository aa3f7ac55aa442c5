import 'server-only';
import { withActor } from '@/lib/use-case/kernel';
import { can, type GlobalAction } from '@/lib/access/policy';

const NAV: { href: string; label: string; action: GlobalAction }[] = [
  { href: '/', label: 'Dossiers', action: 'dossier.list' },
  { href: '/triage', label: 'Te toetsen', action: 'triage.view' },
  { href: '/aanmeldingen', label: 'Mijn aanmeldingen', action: 'referral.listOwn' },
  { href: '/overleggen', label: 'Casusoverleggen', action: 'conference.plan' },
  { href: '/uitnodigingen', label: 'Uitnodigingen', action: 'invitation.listOwn' },
  { href: '/overdrachten', label: 'Overdrachten', action: 'transfer.view' },
  { href: '/inzage', label: 'Inzage en rechtzetting', action: 'gdpr.accessOverview' },
  { href: '/statistieken', label: 'Statistieken', action: 'statistics.view' },
  { href: '/toegangslog', label: 'Toegangslog', action: 'audit.view' },
];

/** What the layout shows: who is signed in and which menu items they have. No dossier content. */
export async function getShell(userId: string) {
  return withActor(userId, async (tx, actor) => {
    const houseIds = [...new Set(actor.roles.map((r) => r.safeHouseId).filter((h): h is string => !!h))];
    const houses = await tx.safeHouse.findMany({ where: { id: { in: houseIds } }, select: { id: true, name: true } });
    return {
      name: actor.name,
      organisationName: actor.organisationName,
      roles: actor.roles.map((r) => ({
        role: r.role,
        safeHouse: houses.find((h) => h.id === r.safeHouseId)?.name ?? null,
      })),
      nav: NAV.filter((n) => can(actor, n.action)).map(({ href, label }) => ({ href, label })),
    };
  });
}
