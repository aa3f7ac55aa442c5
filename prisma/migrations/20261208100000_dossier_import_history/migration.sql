-- Issue 14 §4 (ADR 0047, "The source's history"): what an imported dossier lived through at the
-- source installation — its status and dates, the risk assessments over time, the minutes, the
-- conference decisions and the action plan — kept with the provenance as ONE field-encrypted
-- JSON document (AES-256-GCM under this installation's field keys, like every identifying
-- field). It is the other table's record, not this house's own: no decision, risk point or plan
-- action of this house is made from it. Written once in the import's transaction; the existing
-- policies (coordinators of the house read; the importing coordinator inserts; no update or
-- delete) cover the new column.
ALTER TABLE "DossierImport" ADD COLUMN "historyEnc" text;
COMMENT ON COLUMN "DossierImport"."historyEnc" IS
  'field-encrypted JSON: the source''s status, dates, risk assessments, minutes, decisions and plan (ADR 0047)';
