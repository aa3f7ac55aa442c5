import 'server-only';
import crypto from 'node:crypto';
import { attachmentStore, blobKeyFor, type BlobStore } from '@/lib/attachments/blob-store';
import { sealBlob } from '@/lib/attachments/blob-crypto';
import { detectAllowedType } from '@/lib/attachments/file-type';
import { attachmentMaxBytes } from '@/lib/attachments/limits';
import { encryptField, lookupHmac } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { AppError, invalid } from '@/lib/errors';
import { draftReference, nextReference } from '@/lib/referrals/reference';
import { useCase, withActor } from '@/lib/use-case/kernel';
import { MAX_ARCHIVE_BYTES, openArchive } from './archive';
import { historyOf, sealHistory } from './history';

const MEMBER_ROLES = ['VICTIM', 'ALLEGED_PERPETRATOR', 'CHILD', 'PARENT', 'PARTNER', 'SIBLING', 'OTHER'] as const;
const SEXES = ['FEMALE', 'MALE', 'X', 'UNKNOWN'] as const;
/** a value of a closed list this version knows, or the archive is refused before any write */
function known<T extends string>(list: readonly T[], value: string): T {
  if ((list as readonly string[]).includes(value)) return value as T;
  throw new AppError(
    'VALIDATION',
    `Dit exportbestand bevat een onbekende waarde (${value.slice(0, 40)}). Er werd niets ingelezen.`,
  );
}

export interface ImportResult {
  dossierId: string;
  reference: string;
  sourceReference: string;
}

/**
 * Issue 14 §4 (ADR 0047): a coordinator reads a dossier archive of another installation into
 * their own safe house. The archive is opened and fully validated (GCM, schema, every
 * attachment's hash) before anything is written; then, in ONE transaction with the access-log
 * row `dossier.import`, the dossier is created under a new reference of the coordinator's house
 * and arrives there as a submitted referral (for triage): its members (national number and
 * contact re-encrypted with this installation's field keys, HMAC recomputed), the referral with
 * its risk screening and the attachments (re-encrypted into this
 * installation's blob store), and the provenance row. Written in the order row-level security
 * already allows the app role: the importing coordinator's own draft first (members, referral),
 * then submitted to their own house (attachments) — no SECURITY DEFINER
 * function is needed. If anything fails, nothing stays: the transaction rolls back and the
 * blobs written so far are removed.
 */
export async function importDossier(
  userId: string,
  input: { passphrase: string; file: Uint8Array },
  store: BlobStore = attachmentStore(),
  now: Date = new Date(),
): Promise<ImportResult> {
  const errors: Record<string, string> = {};
  if (!input.file || input.file.length === 0) errors.file = 'Kies een exportbestand.';
  else if (input.file.length > MAX_ARCHIVE_BYTES) errors.file = 'Het bestand is te groot (max. 200 MB).';
  if (!input.passphrase) errors.passphrase = 'Geef de wachtzin van het exportbestand.';
  if (Object.keys(errors).length) throw invalid('Het dossier is niet ingelezen.', errors);

  const { data, files } = await openArchive(input.file, input.passphrase);
  // every attachment passes the same gate as an upload here: an allowed type, sniffed from its
  // bytes (the archive's claim is not trusted), and this installation's size limit
  const maxBytes = attachmentMaxBytes();
  const mediaTypes = new Map<string, string>();
  for (const a of data.attachments) {
    const bytes = files[a.path];
    if (!bytes) throw new AppError('VALIDATION', 'Dit is geen volledig exportbestand. Er werd niets ingelezen.');
    const type = await detectAllowedType(bytes);
    if (!type || bytes.length > maxBytes)
      throw new AppError(
        'VALIDATION',
        `De bijlage "${a.fileName.slice(0, 80)}" is ${type ? 'groter dan hier toegelaten' : 'van een bestandstype dat hier niet toegelaten is'}. Er werd niets ingelezen.`,
      );
    mediaTypes.set(a.path, type);
  }
  const written: string[] = [];
  try {
    return await useCase(userId, { action: 'dossier.import', purpose: 'transfer' }, async ({ tx, actor, log }) => {
      // only a coordinator (not the representative) imports, into the house they coordinate
      const houseId = actor.roles.find((r) => r.role === 'COORDINATOR' && r.safeHouseId)?.safeHouseId;
      if (!houseId) throw new AppError('FORBIDDEN_ACTION', 'Dit onderdeel is niet voor jouw rol.');
      const keys = fieldKeys();

      // 1. the importing coordinator's own draft: members and referral (RLS: own draft only)
      const dossier = await tx.dossier.create({
        data: {
          reference: draftReference(),
          safeHouseId: houseId,
          status: 'DRAFT',
          clientSystemLabel: data.dossier.clientSystemLabel,
          referrerUserId: actor.userId,
          referrerOrganisationId: actor.organisationId,
        },
        select: { id: true },
      });
      const memberIds = new Map<string, string>();
      // the archive's order is kept: one transaction shares one now(), so each row gets its own instant
      const inOrder = (i: number) => new Date(now.getTime() + i);
      for (const [i, m] of data.members.entries()) {
        const row = await tx.clientMember.create({
          data: {
            dossierId: dossier.id,
            createdAt: inOrder(i),
            memberRole: known(MEMBER_ROLES, m.memberRole),
            firstName: m.firstName,
            lastName: m.lastName,
            dateOfBirth: m.dateOfBirth ? new Date(`${m.dateOfBirth}T00:00:00Z`) : null,
            isMinor: m.isMinor,
            sex: known(SEXES, m.sex),
            nationalNumberEnc: m.nationalNumber ? encryptField(keys, m.nationalNumber) : null,
            nationalNumberHmac: m.nationalNumber ? lookupHmac(keys, m.nationalNumber) : null,
            contactEnc: m.contact ? encryptField(keys, m.contact) : null,
            safeAddress: m.safeAddress,
          },
          select: { id: true },
        });
        memberIds.set(m.ref, row.id);
      }
      if (data.referral) {
        await tx.referral.create({ data: { dossierId: dossier.id, ...data.referral } });
      }

      // 2. submitted to the coordinator's own house under its next reference
      const reference = await nextReference(tx, houseId, now);
      await tx.dossier.update({
        where: { id: dossier.id },
        data: { status: 'SUBMITTED', submittedAt: now, reference },
      });

      // 3. what the coordinator of the holding house may add: attachments
      // (the source's risk assessments, minutes, decisions and plan are the other table's record:
      // kept read-only with the provenance in step 4, not as this house's own rows; ADR 0047)
      for (const [i, a] of data.attachments.entries()) {
        const bytes = files[a.path]!; // present and checked above, before the transaction
        const id = crypto.randomUUID();
        const blobKey = blobKeyFor(dossier.id, id);
        const sealed = sealBlob(keys, blobKey, bytes);
        written.push(blobKey);
        await store.put(blobKey, sealed.blob);
        await tx.attachment.create({
          data: {
            id,
            createdAt: inOrder(i),
            dossierId: dossier.id,
            safeHouseId: houseId,
            context: 'COORDINATOR',
            organisationId: actor.organisationId,
            uploadedByUserId: actor.userId,
            category: a.category,
            concernsMemberId: a.concernsMemberRef ? (memberIds.get(a.concernsMemberRef) ?? null) : null,
            fileNameEnc: encryptField(keys, a.fileName),
            mediaType: mediaTypes.get(a.path)!,
            sizeBytes: bytes.length,
            blobKey,
            wrappedKey: sealed.wrappedKey,
            keyId: sealed.keyId,
          },
        });
      }

      // 4. provenance and the access-log row
      await tx.dossierImport.create({
        data: {
          dossierId: dossier.id,
          safeHouseId: houseId,
          sourceInstallation: data.source.installation,
          sourceSafeHouseCode: data.source.safeHouseCode,
          sourceReference: data.source.reference,
          sourceStatus: data.dossier.status,
          formatVersion: data.version,
          exportedAt: new Date(data.exportedAt),
          importedByUserId: actor.userId,
          // status, dates, risk assessments, minutes, decisions and plan at the source (read-only)
          historyEnc: sealHistory(keys, historyOf(data)),
        },
      });
      await log({
        objectType: 'Dossier',
        objectId: dossier.id,
        dossierId: dossier.id,
        safeHouseId: houseId,
        // the source reference is in DossierImport; the log's reason refuses digit runs (phone check)
        reason: 'ingelezen uit een exportbestand van een andere installatie',
      });
      return { dossierId: dossier.id, reference, sourceReference: data.source.reference };
    });
  } catch (err) {
    await Promise.all(written.map((k) => store.delete(k).catch(() => undefined)));
    throw err;
  }
}

/** Whether the import page is offered: only a coordinator imports (the use case checks again). */
export async function mayImport(userId: string): Promise<boolean> {
  return withActor(userId, async (_tx, actor) => actor.roles.some((r) => r.role === 'COORDINATOR' && r.safeHouseId));
}
