import 'server-only';
import { fieldKeys } from '@/lib/crypto/keys';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { openHistory, type ImportHistory } from './history';

export interface ImportHistoryView {
  sourceInstallation: string;
  sourceSafeHouseCode: string;
  sourceReference: string;
  sourceStatus: string;
  exportedAt: Date;
  importedAt: Date;
  importedBy: string;
  history: ImportHistory | null;
}

/**
 * The provenance and the source's history of an imported dossier, for the coordinator of the
 * house that holds it (RLS: `DossierImport` is readable by the house's coordinators only).
 * `null` for a dossier that was not imported (the dossier page asks only when `getDossier` says
 * it was); every reading is logged.
 */
export async function getImportHistory(userId: string, dossierId: string): Promise<ImportHistoryView | null> {
  const need = { action: 'dossier.importHistory', purpose: 'caseWork', dossierId } as const;
  return dossierUseCase(userId, need, async ({ tx, log }) => {
    const row = await tx.dossierImport.findUnique({ where: { dossierId } });
    await log({ objectType: row ? 'DossierImport' : 'Dossier', objectId: row?.id ?? dossierId });
    if (!row) return null;
    const by = await tx.user.findUnique({ where: { id: row.importedByUserId }, select: { name: true } });
    return {
      sourceInstallation: row.sourceInstallation,
      sourceSafeHouseCode: row.sourceSafeHouseCode,
      sourceReference: row.sourceReference,
      sourceStatus: row.sourceStatus,
      exportedAt: row.exportedAt,
      importedAt: row.importedAt,
      importedBy: by?.name ?? 'onbekend',
      history: row.historyEnc ? openHistory(fieldKeys(), row.historyEnc) : null,
    };
  });
}
