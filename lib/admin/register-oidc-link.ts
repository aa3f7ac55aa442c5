import 'server-only';
import { z } from '@/lib/validation/zod';
import { conflict, notFound } from '@/lib/errors';
import { isUniqueViolation, parseOrInvalid } from './errors';
import { useCase } from '@/lib/use-case/kernel';
import { normaliseNationalNumber, oidcLinkHmac } from '@/lib/auth/login';

/** The administrator's input: a national number, with or without dots and dash. */
export const oidcLinkSchema = z.object({
  nationalNumber: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const n = normaliseNationalNumber(v);
      if (!n) ctx.addIssue({ code: 'custom', message: 'Vul een geldig rijksregisternummer in (11 cijfers).' });
      return n ?? '';
    }),
});

/**
 * Registers the national number by which an account is linked at its first login through the
 * government or organisation IdP (issue 14 §1, ADR 0044). Only its HMAC is stored, and the first
 * login that presents it uses it up. An account that is already linked to a subject is refused:
 * relinking goes through unlinking, not through a second value.
 */
export async function registerOidcLink(userId: string, targetId: string, input: unknown): Promise<void> {
  const { nationalNumber } = parseOrInvalid(oidcLinkSchema, input);
  await useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const target = await tx.user.findUnique({ where: { id: targetId }, select: { id: true, oidcSubject: true } });
    if (!target) throw notFound();
    if (target.oidcSubject) throw conflict('Dit account is al gekoppeld aan een identiteit bij de overheid.');
    try {
      await tx.user.update({
        where: { id: targetId },
        data: { oidcLinkHmac: oidcLinkHmac(nationalNumber) },
        select: { id: true },
      });
    } catch (err) {
      // the unique index: one national number links one account
      if (isUniqueViolation(err)) throw conflict('Dit rijksregisternummer is al geregistreerd bij een ander account.');
      throw err;
    }
    await log({ action: 'admin.user.oidcLink', objectType: 'User', objectId: targetId });
  });
}
