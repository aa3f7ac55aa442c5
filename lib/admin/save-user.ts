import 'server-only';
import { invalid, notFound } from '@/lib/errors';
import { useCase, type UseCaseContext } from '@/lib/use-case/kernel';
import { isUniqueViolation, parseOrInvalid } from './errors';
import { addRole } from './grant-role';
import { addInvitation, mailInvitation } from './invite-user';
import { newUserSchema, userSchema, type NewUserInput, type UserInput } from './schemas';

const EMAIL_TAKEN = 'Er bestaat al een gebruiker met dit e-mailadres.';

async function requireOrganisation({ tx }: UseCaseContext, organisationId: string) {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
  if (!org) throw invalid('Kies een bestaande organisatie.', { organisationId: 'Kies een bestaande organisatie.' });
}

async function emailFree({ tx }: UseCaseContext, email: string, except?: string) {
  const other = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (other && other.id !== except) throw invalid(EMAIL_TAKEN, { email: EMAIL_TAKEN });
}

/**
 * The administrator creates an account (name, e-mail, organisation), optionally with a first role,
 * and invites the user by e-mail to set a password — in one transaction, each step logged; the
 * mail goes out after the commit. Returns the new user's id and whether the mail was handed over.
 */
export async function createUser(userId: string, input: NewUserInput): Promise<{ id: string; mailed: boolean }> {
  const v = parseOrInvalid(newUserSchema, input);
  const { id, invitation } = await useCase(userId, { action: 'users.manage', purpose: 'administration' }, async (c) => {
    await requireOrganisation(c, v.organisationId);
    await emailFree(c, v.email);
    let created: { id: string };
    try {
      // raw: Prisma would send its own createdAt (a client-side default), a column the app role does not write
      const [row] = await c.tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "User" ("name", "email", "organisationId")
        VALUES (${v.name}, ${v.email}, ${v.organisationId}::uuid) RETURNING "id"`;
      created = row!;
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid(EMAIL_TAKEN, { email: EMAIL_TAKEN });
      throw err;
    }
    await c.log({ action: 'admin.user.create', objectType: 'User', objectId: created.id });
    if (v.role) await addRole(c, created.id, { role: v.role, safeHouseId: v.safeHouseId });
    return { id: created.id, invitation: await addInvitation(c, created.id) };
  });
  return { id, mailed: await mailInvitation(invitation) };
}

/**
 * The administrator corrects name, e-mail address or organisation. A new address or organisation
 * ends the user's sessions (trigger): they sign in again as who they now are.
 */
export async function updateUser(userId: string, targetId: string, input: UserInput): Promise<void> {
  const v = parseOrInvalid(userSchema, input);
  await useCase(userId, { action: 'users.manage', purpose: 'administration' }, async (c) => {
    await requireOrganisation(c, v.organisationId);
    await emailFree(c, v.email, targetId);
    let count: number;
    try {
      ({ count } = await c.tx.user.updateMany({
        where: { id: targetId },
        data: { name: v.name, email: v.email, organisationId: v.organisationId },
      }));
    } catch (err) {
      if (isUniqueViolation(err)) throw invalid(EMAIL_TAKEN, { email: EMAIL_TAKEN });
      throw err;
    }
    if (count !== 1) throw notFound();
    await c.log({ action: 'admin.user.update', objectType: 'User', objectId: targetId });
  });
}
