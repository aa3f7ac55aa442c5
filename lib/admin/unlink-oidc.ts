import 'server-only';
import { conflict, notFound } from '@/lib/errors';
import { useCase } from '@/lib/use-case/kernel';

/**
 * Removes the link between an account and its identity at the government or organisation IdP
 * (issue 14 §1, ADR 0044 "Unlinking"): a person changed jobs, a registration was wrong, an
 * identity must no longer open this account. The subject and any registered national-number
 * HMAC are cleared; the database ends every session of the account in the same transaction
 * (trigger auth_user_change_ends_sessions) and lets the app only clear the subject, never set it
 * (trigger user_oidc_subject_only_cleared). Linking again goes through a new registration.
 */
export async function unlinkOidc(userId: string, targetId: string): Promise<void> {
  await useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const target = await tx.user.findUnique({ where: { id: targetId }, select: { id: true, oidcSubject: true } });
    if (!target) throw notFound();
    const { count } = await tx.user.updateMany({
      where: { id: targetId, oidcSubject: { not: null } },
      data: { oidcSubject: null, oidcLinkHmac: null },
    });
    if (count !== 1) throw conflict('Dit account is niet gekoppeld aan een identiteit bij de overheid.');
    await log({ action: 'admin.user.oidcUnlink', objectType: 'User', objectId: targetId });
  });
}
