import { z } from 'zod';
import { decryptField, encryptField, type FieldKeys } from '@/lib/crypto/fields';
import { dossierExportSchema, type DossierExport } from './schema';

/**
 * Issue 14 §4 (ADR 0047, "The source's history"): what an imported dossier lived through at the
 * source installation that has no place among this house's own rows — its status and dates, the
 * risk assessments over time, the minutes, the conference decisions and the action plan. They are
 * the other table's record, not decisions, risk points or plan actions of this house (those are
 * made here, at this house's own conference), so they are kept as ONE field-encrypted document
 * with the provenance and shown read-only to the coordinator.
 */
export const importHistorySchema = z.object({
  dossier: dossierExportSchema.shape.dossier,
  riskAssessments: dossierExportSchema.shape.riskAssessments,
  minutes: dossierExportSchema.shape.minutes,
  decisions: dossierExportSchema.shape.decisions,
  plan: dossierExportSchema.shape.plan,
});
export type ImportHistory = z.infer<typeof importHistorySchema>;

export const historyOf = (data: DossierExport): ImportHistory => ({
  dossier: data.dossier,
  riskAssessments: data.riskAssessments,
  minutes: data.minutes,
  decisions: data.decisions,
  plan: data.plan,
});

export const sealHistory = (keys: FieldKeys, history: ImportHistory) => encryptField(keys, JSON.stringify(history));

export const openHistory = (keys: FieldKeys, historyEnc: string): ImportHistory =>
  importHistorySchema.parse(JSON.parse(decryptField(keys, historyEnc)));
