import 'server-only';
import { invalid, notFound } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import type { UseCaseContext } from '@/lib/use-case/kernel';
import { useCase } from '@/lib/use-case/kernel';
import { isRoleCombinationRefusal, parseOrInvalid } from './errors';
import { isHouseRole, roleCombinationRefusal } from './roles';
import { roleSchema, type RoleInput } from './schemas';

/**
 * Inside an administrator's transaction: gives `targetId` a role, for a safe house where the role
 * is held per house. Refused with a Dutch message at the field: a combination of client work with
 * DPO, analyst or administrator work (the database refuses it too), a role the user already has, a
 * core-partner role in an organisation that is no core partner of the house. The user's sessions
 * end (trigger): the next request runs with the new roles.
 */
export async function addRole(c: UseCaseContext, targetId: string, input: RoleInput): Promise<void> {
  const { role, safeHouseId: house } = parseOrInvalid(roleSchema, input);
  const safeHouseId = isHouseRole(role) ? house || null : null;
  if (isHouseRole(role) && !safeHouseId)
    throw invalid('Kies het Veilig Huis voor deze rol.', { safeHouseId: 'Kies het Veilig Huis voor deze rol.' });
  const target = await c.tx.user.findUnique({
    where: { id: targetId },
    select: { id: true, organisationId: true, roles: { select: { role: true, safeHouseId: true } } },
  });
  if (!target) throw notFound();
  // an organisation's API account (ADR 0045) stays an aanmelder only; the database refuses it too
  if (
    role !== 'REFERRER' &&
    (await c.tx.apiAccount.findUnique({ where: { userId: target.id }, select: { userId: true } }))
  ) {
    const m = 'Dit is het API-account van een organisatie: het heeft enkel de rol aanmelder.';
    throw invalid(m, { role: m });
  }
  if (target.roles.some((r) => r.role === role && r.safeHouseId === safeHouseId))
    throw invalid('Deze gebruiker heeft die rol al.', { role: 'Deze gebruiker heeft die rol al.' });
  const refusal = roleCombinationRefusal([...target.roles.map((r) => r.role), role as Role]);
  if (refusal) throw invalid(refusal, { role: refusal });
  if (safeHouseId) {
    const house = await c.tx.safeHouse.findUnique({ where: { id: safeHouseId }, select: { id: true } });
    if (!house) throw invalid('Kies een bestaand Veilig Huis.', { safeHouseId: 'Kies een bestaand Veilig Huis.' });
  }
  if (role === 'CORE_PARTNER_STAFF') {
    const partner = await c.tx.corePartnership.findUnique({
      where: { safeHouseId_organisationId: { safeHouseId: safeHouseId!, organisationId: target.organisationId } },
      select: { since: true },
    });
    if (!partner) {
      const m =
        'De organisatie van deze gebruiker is geen kernpartner van dit Veilig Huis. Duid ze eerst aan bij Organisaties.';
      throw invalid(m, { safeHouseId: m });
    }
  }
  let created: { id: string };
  try {
    created = await c.tx.roleAssignment.create({
      data: { userId: target.id, role, safeHouseId },
      select: { id: true },
    });
  } catch (err) {
    if (isRoleCombinationRefusal(err)) {
      const m = roleCombinationRefusal(['COORDINATOR', role as Role]) ?? 'Deze rolcombinatie is niet toegelaten.';
      throw invalid(m, { role: m });
    }
    throw err;
  }
  await c.log({ action: 'admin.role.grant', objectType: 'RoleAssignment', objectId: created.id, safeHouseId });
}

export async function grantRole(userId: string, targetId: string, input: RoleInput): Promise<void> {
  await useCase(userId, { action: 'users.manage', purpose: 'administration' }, (c) => addRole(c, targetId, input));
}
