import 'server-only';
import { decryptField } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { DATA_CATEGORY_LABEL } from '@/lib/labels';
import { dossierUseCase } from '@/lib/use-case/kernel';
import type { AttachmentContext } from '@/lib/generated/prisma/enums';
import { attachmentWhere } from './queries';

export interface AttachmentRow {
  id: string;
  context: AttachmentContext;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  category: number;
  categoryLabel: string;
  concernsMemberId: string | null;
  uploadedBy: string;
  organisation: string;
  createdAt: Date;
}

/**
 * The documents attached to a dossier that the actor may read (issue 13 §3; ADR 0040), newest
 * first, with their (decrypted) names. Logged as a read of the list.
 */
export async function listAttachments(userId: string, dossierId: string): Promise<AttachmentRow[]> {
  const need = { action: 'attachment.view', purpose: 'caseWork', dossierId } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const rows = await tx.attachment.findMany({
      where: attachmentWhere(actor, dossier),
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        context: true,
        fileNameEnc: true,
        mediaType: true,
        sizeBytes: true,
        category: true,
        concernsMemberId: true,
        uploadedByUserId: true,
        organisationId: true,
        createdAt: true,
      },
    });
    const [users, orgs] = await Promise.all([
      tx.user.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.uploadedByUserId))] } },
        select: { id: true, name: true },
      }),
      tx.organisation.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.organisationId))] } },
        select: { id: true, name: true },
      }),
    ]);
    await log({ objectType: 'AttachmentList', objectId: dossier.id });
    const keys = fieldKeys();
    return rows.map((r) => ({
      id: r.id,
      context: r.context,
      fileName: decryptField(keys, r.fileNameEnc),
      mediaType: r.mediaType,
      sizeBytes: r.sizeBytes,
      category: r.category,
      categoryLabel: DATA_CATEGORY_LABEL[r.category] ?? String(r.category),
      concernsMemberId: r.concernsMemberId,
      uploadedBy: users.find((u) => u.id === r.uploadedByUserId)?.name ?? '',
      organisation: orgs.find((o) => o.id === r.organisationId)?.name ?? '',
      createdAt: r.createdAt,
    }));
  });
}
