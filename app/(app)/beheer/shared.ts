import { ROLE_LABEL, formatDateTime } from '@/lib/labels';
import type { AdminUserRow } from '@/lib/admin/queries';

type Role = AdminUserRow['roles'][number]['role'];

/** Small helpers of the administrator's pages (no server action here). */
export const ROLE_OPTIONS = (Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));

export const roleText = (r: { role: Role; safeHouseName: string | null }) =>
  `${ROLE_LABEL[r.role]}${r.safeHouseName ? ` (${r.safeHouseName})` : ''}`;

export function invitationText(u: Pick<AdminUserRow, 'invitation' | 'invitationExpiresAt'>): string {
  switch (u.invitation) {
    case 'open':
      return `uitnodiging open tot ${formatDateTime(u.invitationExpiresAt)}`;
    case 'used':
      return 'wachtwoord ingesteld via de uitnodiging';
    case 'expired':
      return 'uitnodiging verlopen of vervangen';
    case 'none':
      return 'geen uitnodiging verstuurd';
  }
}
