import 'server-only';
import { z } from '@/lib/validation/zod';
import { useCase, DeniedError } from '@/lib/use-case/kernel';
import { can, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { conflict, invalid, notFound } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { decryptField, encryptField, lookupHmac } from '@/lib/crypto/fields';
import { ageOn } from '@/lib/referrals/schemas';
import { coordinatorDossierWhere, isCoordinatorOf } from './scope';
import { validateRectify, type RectifyValues } from './schemas';
import { isClosedDossierError } from './db-errors';

const id = z.string().uuid();

export const CLOSED_MESSAGE =
  'Dit dossier is afgesloten. Enkel de identificatiegegevens van een lid kunnen nog rechtgezet worden.';

export type RectifiedField = 'firstName' | 'lastName' | 'dateOfBirth' | 'sex' | 'nationalNumber';

/**
 * GDPR art. 16 (rectification): the coordinator of the holding safe house corrects a member's
 * identification data — names, birth date, sex, national register number (validated, encrypted
 * anew, new lookup HMAC; empty removes it). Also after closure, during the whole retention term
 * (ADR 0015): the database lets exactly these columns change in a closed dossier, nothing else.
 * A reason is required and goes into the access log, which records that the
 * member was rectified — never the old or new values.
 */
export async function rectifyMember(userId: string, memberId: string, values: RectifyValues, now = new Date()) {
  if (!id.safeParse(memberId).success) throw notFound();
  const checked = validateRectify(values);
  if (!checked.ok)
    throw invalid('De rechtzetting is nog niet in orde. Controleer de gemarkeerde velden.', checked.errors);
  const v = checked.data;
  return useCase(userId, { action: 'gdpr.rectify', purpose: 'dataSubjectRights' }, async ({ tx, actor, log }) => {
    const denied = () =>
      new DeniedError({
        action: 'gdpr.rectify',
        objectType: 'ClientMember',
        objectId: memberId,
        purpose: 'dataSubjectRights',
      });
    const member = await tx.clientMember.findFirst({
      where: { id: memberId, dossier: coordinatorDossierWhere(actor) },
      select: {
        id: true,
        dossierId: true,
        firstName: true,
        lastName: true,
        dateOfBirth: true,
        isMinor: true,
        sex: true,
        nationalNumberEnc: true,
        dossier: { select: DOSSIER_FACTS_SELECT },
      },
    });
    if (!member || !isCoordinatorOf(actor, member.dossier)) throw denied();
    if (!can(actor, 'gdpr.rectify', member.dossier)) throw conflict('Rechtzetten kan nu niet in dit dossier.');

    const keys = fieldKeys();
    const oldNumber = member.nationalNumberEnc ? decryptField(keys, member.nationalNumberEnc) : null;
    const dob = v.dateOfBirth ? new Date(`${v.dateOfBirth}T00:00:00Z`) : null;
    const changed: RectifiedField[] = [];
    if (v.firstName !== member.firstName) changed.push('firstName');
    if (v.lastName !== member.lastName) changed.push('lastName');
    if ((dob?.getTime() ?? null) !== (member.dateOfBirth?.getTime() ?? null)) changed.push('dateOfBirth');
    if (v.sex !== member.sex) changed.push('sex');
    if (v.nationalNumberDigits !== oldNumber) changed.push('nationalNumber');
    if (changed.length === 0) throw invalid('Je hebt niets gewijzigd. Pas minstens één gegeven aan.');

    try {
      const updated = await tx.clientMember.updateMany({
        where: { id: member.id, dossierId: member.dossierId },
        data: {
          firstName: v.firstName,
          lastName: v.lastName,
          dateOfBirth: dob,
          // with a birth date, minority follows from it; without one, it stays as recorded
          isMinor: dob ? ageOn(dob, now) < 18 : member.isMinor,
          sex: v.sex,
          ...(changed.includes('nationalNumber')
            ? {
                nationalNumberEnc: v.nationalNumberDigits ? encryptField(keys, v.nationalNumberDigits) : null,
                nationalNumberHmac: v.nationalNumberDigits ? lookupHmac(keys, v.nationalNumberDigits) : null,
              }
            : {}),
        },
      });
      if (updated.count !== 1) throw conflict('Dit lid kon niet bijgewerkt worden. Laad de pagina opnieuw.');
    } catch (err) {
      if (isClosedDossierError(err)) throw conflict(CLOSED_MESSAGE);
      throw err;
    }
    await log({
      action: 'gdpr.rectify',
      objectType: 'ClientMember',
      objectId: member.id,
      dossierId: member.dossierId,
      safeHouseId: member.dossier.safeHouseId,
      reason: v.cleanedReason,
    });
    return { memberId: member.id, dossierId: member.dossierId, changed };
  });
}
