import 'server-only';
import { decryptField } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { AppError } from '@/lib/errors';
import { DeniedError, dossierUseCase, type Tx } from '@/lib/use-case/kernel';
import { z } from '@/lib/validation/zod';
import { attachmentStore, type BlobStore } from './blob-store';
import { openBlob } from './blob-crypto';
import { EXTENSION, type AllowedMediaType } from './limits';
import { attachmentWhere } from './queries';

/**
 * One attachment, decrypted, for a download (issue 13 §3; ADR 0040): under the same policy as
 * what it is attached to — "not allowed" is "not found" and logged as a denied attempt; an
 * allowed download is logged ("attachment.download") in the same transaction.
 */
export async function downloadAttachment(userId: string, attachmentId: string, store: BlobStore = attachmentStore()) {
  const need = {
    action: 'attachment.view',
    purpose: 'caseWork',
    objectType: 'Attachment',
    objectId: attachmentId,
    dossierId: async (tx: Tx) =>
      z.uuid().safeParse(attachmentId).success
        ? (await tx.attachment.findFirst({ where: { id: attachmentId }, select: { dossierId: true } }))?.dossierId
        : null,
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const row = await tx.attachment.findFirst({
      where: { AND: [{ id: attachmentId }, attachmentWhere(actor, dossier)] },
      select: { id: true, fileNameEnc: true, mediaType: true, blobKey: true, wrappedKey: true },
    });
    // visible to the database (e.g. a coordinator's row, to a participant who is also a partner)
    // but not by the policy: the same "not found" as any other
    if (!row)
      throw new DeniedError({
        action: 'attachment.view',
        objectType: 'Attachment',
        objectId: attachmentId,
        purpose: 'caseWork',
        dossierId: dossier.id,
        safeHouseId: dossier.safeHouseId,
      });
    const blob = await store.get(row.blobKey);
    if (!blob) throw new AppError('NOT_FOUND', 'Het bestand van deze bijlage is niet (meer) beschikbaar.');
    const keys = fieldKeys();
    const bytes = openBlob(keys, row.blobKey, row.wrappedKey, blob);
    await log({ action: 'attachment.download', objectType: 'Attachment', objectId: row.id });
    return {
      bytes,
      mediaType: row.mediaType as AllowedMediaType,
      fileName: downloadName(decryptField(keys, row.fileNameEnc), row.mediaType as AllowedMediaType),
    };
  });
}

/**
 * A name safe for Content-Disposition: the uploaded name without its extension, letters, digits
 * and a few marks only (accents folded), with the extension of the real type.
 */
export function downloadName(name: string, mediaType: AllowedMediaType): string {
  const stem = name
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '_')
    .replace(/^[.\s_-]+/, '')
    .slice(0, 100)
    .trim();
  return `${stem || 'bijlage'}.${EXTENSION[mediaType]}`;
}
