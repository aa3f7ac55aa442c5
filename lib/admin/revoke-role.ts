import 'server-only';
import { invalid, notFound } from '@/lib/errors';
import { useCase } from '@/lib/use-case/kernel';

/**
 * The administrator takes a role away; the user's sessions end (trigger). An administrator does
 * not take away their own administrator role — nobody might be left to manage accounts; the
 * database refuses it too (policy role_delete).
 */
export async function revokeRole(userId: string, roleAssignmentId: string): Promise<{ userId: string }> {
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, actor, log }) => {
    const role = await tx.roleAssignment.findUnique({
      where: { id: roleAssignmentId },
      select: { id: true, userId: true, role: true, safeHouseId: true },
    });
    if (!role) throw notFound();
    if (role.userId === actor.userId && role.role === 'FUNCTIONAL_ADMIN')
      throw invalid(
        'Je kunt je eigen rol van functioneel beheerder niet intrekken. Laat dat doen door een andere functioneel beheerder.',
      );
    const { count } = await tx.roleAssignment.deleteMany({ where: { id: role.id } });
    if (count !== 1) throw notFound();
    await log({
      action: 'admin.role.revoke',
      objectType: 'RoleAssignment',
      objectId: role.id,
      safeHouseId: role.safeHouseId,
    });
    return { userId: role.userId };
  });
}
