import 'server-only';
import crypto from 'node:crypto';
import { encryptField } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { requireOpenAgendaItem } from '@/lib/conferences/open-agenda-item';
import { attachmentStore, blobKeyFor, type BlobStore } from './blob-store';
import { sealBlob } from './blob-crypto';
import { detectAllowedType } from './file-type';
import { attachmentMaxBytes, TYPE_REFUSED, tooLarge } from './limits';
import { ATTACHMENT_CONTEXTS, attachmentMetaSchema, cleanFileName, type AttachmentMetaValues } from './schemas';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const NEED = {
  dossier: {
    action: 'attachment.addAsCoordinator',
    purpose: 'caseWork',
    notNow: 'Bij een afgesloten dossier kun je geen bijlage meer toevoegen.',
  },
  input: {
    action: 'attachment.addToInput',
    purpose: 'partnerInput',
    notNow: 'Je kunt (nog) geen bijlage bij je aanvulling voegen: de vraag om aanvulling is niet open.',
  },
  session: {
    action: 'attachment.addInSession',
    purpose: 'caseConference',
    notNow: 'Dit dossier is niet (meer) in traject.',
  },
} as const;

/**
 * A document attached to a dossier (issue 13 §3; ADR 0040), by one of three ways in: the
 * coordinator (at any time until closure), a core partner with its written input (while the
 * input round is open, before its deadline; art. 11) or a participant during an open session of
 * the case (art. 13; ADR 0033). Tagged with its art. 15 §1 category and, if it is about one
 * member, that member. The type is decided by the content, not the name; the size is bounded.
 *
 * Nothing half-written: the encrypted file is written inside the transaction, just before the
 * row; if the transaction fails — the row refused, the log row refused, the commit lost — the
 * file is removed again. (A crash between the two leaves at most a file without a row, which
 * `sweepOrphanBlobs` removes; never a row without its file.)
 */
export async function addAttachment(
  userId: string,
  dossierId: string,
  values: AttachmentMetaValues,
  file: UploadedFile,
  store: BlobStore = attachmentStore(),
) {
  const parsed = validateForm(attachmentMetaSchema, values);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const max = attachmentMaxBytes();
  if (file.bytes.length === 0) errors.file ??= 'Kies een bestand.';
  else if (file.bytes.length > max) errors.file ??= tooLarge(max);
  const mediaType = errors.file ? null : await detectAllowedType(file.bytes);
  if (!errors.file && !mediaType) errors.file = TYPE_REFUSED;
  if (!parsed.ok || Object.keys(errors).length || !mediaType) {
    throw invalid('De bijlage is niet toegevoegd. Controleer de gemarkeerde velden.', errors);
  }
  const v = parsed.data;
  const fileName = cleanFileName(file.name);
  const written: { key?: string } = {};
  try {
    return await dossierUseCase(
      userId,
      { ...NEED[v.place], dossierId },
      async ({ tx, actor, dossier, log, notify }) => {
        if (v.concernsMemberId) {
          const member = await tx.clientMember.findFirst({
            where: { id: v.concernsMemberId, dossierId },
            select: { id: true },
          });
          if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { concernsMemberId: 'Onbekend lid.' });
        }
        if (v.place === 'input') {
          const round = await tx.dossier.findUniqueOrThrow({
            where: { id: dossierId },
            select: { inputDeadline: true },
          });
          if (!round.inputDeadline || new Date() >= round.inputDeadline) {
            throw conflict('De termijn om aan te vullen is verstreken.');
          }
        }
        const agenda = v.place === 'session' ? await requireOpenAgendaItem(tx, dossierId) : null;
        const id = crypto.randomUUID();
        const blobKey = blobKeyFor(dossier.id, id);
        const keys = fieldKeys();
        const sealed = sealBlob(keys, blobKey, file.bytes);
        written.key = blobKey;
        await store.put(blobKey, sealed.blob);
        const row = await tx.attachment.create({
          data: {
            id,
            dossierId: dossier.id,
            safeHouseId: dossier.safeHouseId,
            context: ATTACHMENT_CONTEXTS[v.place],
            agendaItemId: agenda?.id ?? null,
            organisationId: actor.organisationId,
            uploadedByUserId: actor.userId,
            category: v.category,
            concernsMemberId: v.concernsMemberId || null,
            fileNameEnc: encryptField(keys, fileName),
            mediaType,
            sizeBytes: file.bytes.length,
            blobKey,
            wrappedKey: sealed.wrappedKey,
            keyId: sealed.keyId,
          },
          select: { id: true },
        });
        await log({ objectType: 'Attachment', objectId: row.id });
        if (v.place === 'session') await notify('attachment', row.id);
        return { id: row.id, fileName, mediaType, sizeBytes: file.bytes.length };
      },
    );
  } catch (err) {
    if (written.key) await store.delete(written.key).catch(() => undefined);
    throw err;
  }
}
