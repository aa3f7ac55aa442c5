import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { BlobStore } from './blob-store';

/**
 * The files of a dossier go with it (art. 15 §3; ADR 0040). The purge deletes the dossier's rows
 * in one transaction and, once that committed, its files (every key under the dossier's prefix,
 * an interrupted write included). Should that fail, the files are orphans: `sweepOrphanBlobs`
 * removes them on the next run, and the residue check finds them until then.
 */
export async function deleteDossierBlobs(store: BlobStore, dossierId: string): Promise<number> {
  const keys = await store.list(dossierId);
  for (const key of keys) await store.delete(key);
  return keys.length;
}

/** Files still on disk for these dossiers (the purge's residue check: must be none). */
export async function blobResidue(store: BlobStore, dossierIds: readonly string[]): Promise<string[]> {
  const left: string[] = [];
  for (const id of dossierIds) left.push(...(await store.list(id)));
  return left;
}

/**
 * Files without an attachment row: of a dossier this database purged (it has a deletion record),
 * or of a live dossier when written longer than `graceMs` ago (a younger one may belong to an
 * upload whose transaction is still running). Files of a dossier this database never knew are
 * left alone: a store shared by mistake with another database must not be emptied. Runs as the
 * owner (the worker), who sees every row.
 */
export async function sweepOrphanBlobs(
  owner: PrismaClient,
  store: BlobStore,
  now = new Date(),
  graceMs = 3_600_000,
): Promise<string[]> {
  const keys = await store.list();
  const removed: string[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const clean = chunk.map((k) => k.replace(/\.[0-9a-f]{12}\.tmp$/, ''));
    const dossierIds = [...new Set(clean.map((k) => k.split('/')[0]!))];
    const [rows, dossiers, deleted] = await Promise.all([
      owner.attachment.findMany({ where: { blobKey: { in: clean } }, select: { blobKey: true } }),
      owner.dossier.findMany({ where: { id: { in: dossierIds } }, select: { id: true } }),
      owner.deletionRecord.findMany({ where: { dossierId: { in: dossierIds } }, select: { dossierId: true } }),
    ]);
    const known = new Set(rows.map((r) => r.blobKey));
    const live = new Set(dossiers.map((d) => d.id));
    const purged = new Set(deleted.map((d) => d.dossierId));
    for (const [j, key] of chunk.entries()) {
      const base = clean[j]!;
      const dossierId = base.split('/')[0]!;
      if (known.has(base) && key === base) continue;
      if (!live.has(dossierId) && !purged.has(dossierId)) continue;
      if (live.has(dossierId)) {
        const at = (await store.writtenAt?.(key)) ?? null;
        if (!at || now.getTime() - at.getTime() < graceMs) continue;
      }
      await store.delete(key);
      removed.push(key);
    }
  }
  return removed;
}
