-- Issue 11 §4 (ADR 0026): the access log at scale.
--
-- 1. The DPO's page re-verified the whole hash chain on every view (12 s at 500 k rows, a 500 at
--    1 M). The worker now verifies — on from its last good result every ten minutes, the whole
--    chain every night — and stores each result here; the page shows the newest and checks only
--    the rows since then (at most a few thousand).
CREATE TABLE "AuditVerification" (
  "id"          BIGSERIAL PRIMARY KEY,
  "verifiedAt"  TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  -- 'full': from the first row; 'incremental': on from the previous good result
  "scope"       TEXT NOT NULL CHECK ("scope" IN ('full', 'incremental')),
  -- the last row this run started after (0 for a full run)
  "fromSeq"     BIGINT NOT NULL CHECK ("fromSeq" >= 0),
  -- the last row verified good, and its hash (the next run starts there)
  "toSeq"       BIGINT NOT NULL CHECK ("toSeq" >= "fromSeq"),
  "toHash"      TEXT NOT NULL CHECK ("toHash" ~ '^[0-9a-f]{64}$'),
  "checked"     BIGINT NOT NULL CHECK ("checked" >= 0),
  "ok"          BOOLEAN NOT NULL,
  "brokenAtSeq" BIGINT,
  "problem"     TEXT,
  CONSTRAINT "AuditVerification_broken_has_place" CHECK ("ok" = ("brokenAtSeq" IS NULL AND "problem" IS NULL))
);
ALTER TABLE "AuditVerification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditVerification" FORCE ROW LEVEL SECURITY;
-- like the log itself: read by the DPO / supervisor, written only by the worker (the owner)
CREATE POLICY audit_verification_select ON "AuditVerification" FOR SELECT USING (
  current_user <> 'vhd_app' OR 'DPO' = ANY ((SELECT app_roles())::text[]));
CREATE POLICY audit_verification_insert ON "AuditVerification" FOR INSERT WITH CHECK (current_user <> 'vhd_app');
GRANT SELECT ON "AuditVerification" TO vhd_app;

-- 2. The DPO filters one column and reads the newest 50: an index on (column, seq) answers
--    "WHERE col = $1 ORDER BY seq DESC LIMIT 50" without sorting every matching row. They replace
--    the single-column indexes (a prefix of each serves the same lookups).
CREATE INDEX "AuditEvent_actorUserId_seq_idx" ON "AuditEvent"("actorUserId", "seq");
CREATE INDEX "AuditEvent_actorOrganisationId_seq_idx" ON "AuditEvent"("actorOrganisationId", "seq");
CREATE INDEX "AuditEvent_dossierId_seq_idx" ON "AuditEvent"("dossierId", "seq");
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");
CREATE INDEX "AuditEvent_purpose_seq_idx" ON "AuditEvent"("purpose", "seq");
DROP INDEX "AuditEvent_actorUserId_idx";
DROP INDEX "AuditEvent_actorOrganisationId_idx";
DROP INDEX "AuditEvent_dossierId_idx";
DROP INDEX "AuditEvent_action_idx";
DROP INDEX "AuditEvent_purpose_idx";
