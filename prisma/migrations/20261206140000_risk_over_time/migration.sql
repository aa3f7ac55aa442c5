-- Risk over time (issue 13 §5; ADR 0042). During a trajectory the coordinator of the holding safe
-- house, or the case's case director (casusregisseur, ADR 0034), records a new risk assessment:
-- the same screening as at referral (lib/referrals/risk-screening.ts: factor key -> YES/NO/UNKNOWN,
-- with the number of YES answers), a level (laag, verhoogd, hoog, acuut) and a reasoning, which is
-- case content and stored AES-256-GCM encrypted (lib/crypto/fields.ts). The history is
-- append-only: a new assessment is added, none is changed or removed (the retention purge still
-- removes them with their dossier). The referral's own screening is the first point of the
-- history and stays in "Referral".

CREATE TABLE "RiskAssessment" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "assessorUserId" UUID NOT NULL,
  "asCaseDirector" BOOLEAN NOT NULL DEFAULT false,
  "riskAnswers" JSONB NOT NULL,
  "riskScore" INTEGER NOT NULL,
  "riskLevel" "RiskLevel" NOT NULL,
  "reasoningEnc" TEXT NOT NULL,
  "assessedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "RiskAssessment_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "RiskAssessment_assessorUserId_fkey" FOREIGN KEY ("assessorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "RiskAssessment_answers_object" CHECK (jsonb_typeof("riskAnswers") = 'object'),
  CONSTRAINT "RiskAssessment_score_range" CHECK ("riskScore" BETWEEN 0 AND 100),
  -- ciphertext of lib/crypto/fields.ts (v1.<key id>.<iv>.<tag>.<ciphertext>), never plain text
  CONSTRAINT "RiskAssessment_reasoning_encrypted" CHECK ("reasoningEnc" ~ '^v1\.[^.]+\.[^.]+\.[^.]+\.[^.]+$')
);
CREATE INDEX "RiskAssessment_dossierId_assessedAt_idx" ON "RiskAssessment"("dossierId", "assessedAt");
CREATE INDEX "RiskAssessment_safeHouseId_assessedAt_idx" ON "RiskAssessment"("safeHouseId", "assessedAt");
CREATE INDEX "RiskAssessment_assessorUserId_idx" ON "RiskAssessment"("assessorUserId");
CREATE INDEX "RiskAssessment_assessedAt_idx" ON "RiskAssessment"("assessedAt");
COMMENT ON COLUMN "RiskAssessment"."riskAnswers" IS 'art15:11';
COMMENT ON COLUMN "RiskAssessment"."riskScore" IS 'art15:11';
COMMENT ON COLUMN "RiskAssessment"."riskLevel" IS 'art15:11';
COMMENT ON COLUMN "RiskAssessment"."reasoningEnc" IS 'art15:11';

-- ---------------------------------------------------------------- what the database holds
-- Recorded during a trajectory only (any writer). For the application: at the moment it is
-- recorded (its own clock, not the client's), by the coordinator of the holding safe house or —
-- flagged as such — by the case director of this case.
CREATE FUNCTION risk_assessment_insert_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = NEW."dossierId" AND d."status" = 'IN_TRAJECTORY') THEN
    RAISE EXCEPTION 'risk assessment: only during a trajectory' USING ERRCODE = '23514';
  END IF;
  IF app_is_app_login() THEN
    NEW."assessedAt" := now();
    IF NEW."asCaseDirector" THEN
      IF NOT (NEW."dossierId" = ANY (app_directed_dossiers())) THEN
        RAISE EXCEPTION 'risk assessment: not the case director of this case' USING ERRCODE = '42501';
      END IF;
    ELSIF NOT (NEW."safeHouseId" = ANY (app_uuids('app.coordinator_houses'))) THEN
      RAISE EXCEPTION 'risk assessment: not the coordinator of this safe house' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION risk_assessment_insert_guard() FROM PUBLIC;
CREATE TRIGGER risk_assessment_insert_guard BEFORE INSERT ON "RiskAssessment"
  FOR EACH ROW EXECUTE FUNCTION risk_assessment_insert_guard();

-- Append-only for the application, also should a grant ever be widened. The one change that is
-- not an edit: a transfer moves the dossier to another safe house, and the foreign key carries
-- the new safe house along (ON UPDATE CASCADE) — only that column may then change.
CREATE FUNCTION risk_assessment_append_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN coalesce(NEW, OLD); END IF;
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'safeHouseId') = (to_jsonb(NEW) - 'safeHouseId') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a risk assessment is never changed or removed' USING ERRCODE = '42501';
END $$;
REVOKE ALL ON FUNCTION risk_assessment_append_only() FROM PUBLIC;
CREATE TRIGGER risk_assessment_append_only BEFORE UPDATE OR DELETE ON "RiskAssessment"
  FOR EACH ROW EXECUTE FUNCTION risk_assessment_append_only();

-- nothing is added to a closed dossier (as for the other case tables)
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "RiskAssessment"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();

-- ---------------------------------------------------------------- row-level security per command
ALTER TABLE "RiskAssessment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RiskAssessment" FORCE ROW LEVEL SECURITY;
-- the case team reads it: the coordinator of the holding safe house (also after closure) and the
-- case's participants (accepted, secrecy acknowledged, not left, case not closed) — not the
-- referrer, core partners outside the case or a mandated agency (ADR 0042)
CREATE POLICY risk_assessment_select ON "RiskAssessment" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]));
-- the coordinator or the case director records it, in their own name
CREATE POLICY risk_assessment_insert ON "RiskAssessment" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ("assessorUserId" = (SELECT app_user_id())
      AND ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
           OR "dossierId" = ANY ((SELECT app_directed_dossiers())::uuid[]))));
-- no UPDATE or DELETE policy and no grant: nobody in the application changes or removes one
REVOKE ALL ON "RiskAssessment" FROM vhd_app;
GRANT SELECT, INSERT ON "RiskAssessment" TO vhd_app;
