-- Closure and retention (art. 15 §3), purge of personal data, transfer between safe houses
-- (art. 15 §1, 3rd para, 7°), and the anonymised facts that statistics keep after a purge.

CREATE TYPE "ExtensionGround" AS ENUM ('HONOUR_RELATED_VIOLENCE', 'OTHER_FORM_OF_VIOLENCE', 'VERY_SERIOUS_FACTS');
CREATE TYPE "ConsensusStatus" AS ENUM ('OPEN', 'APPROVED', 'BLOCKED', 'WITHDRAWN');
CREATE TYPE "TransferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED');

-- ---------------------------------------------------------------- closure
ALTER TABLE "Dossier"
  ADD COLUMN "closureReasons" TEXT,
  ADD COLUMN "retentionYears" INTEGER,
  ADD COLUMN "retentionGround" "ExtensionGround",
  ADD CONSTRAINT "Dossier_retention_at_most_30_years" CHECK ("retentionYears" IS NULL OR "retentionYears" BETWEEN 15 AND 30),
  ADD CONSTRAINT "Dossier_closed_has_retention" CHECK ("status" <> 'CLOSED' OR ("closedAt" IS NOT NULL AND "retentionUntil" IS NOT NULL AND "retentionYears" IS NOT NULL)),
  ADD CONSTRAINT "Dossier_extension_has_ground" CHECK ("retentionYears" IS NULL OR "retentionYears" = 15 OR "retentionGround" IS NOT NULL);
COMMENT ON COLUMN "Dossier"."closureReasons" IS 'art15:11';
CREATE INDEX "Dossier_retentionUntil_idx" ON "Dossier"("retentionUntil");

-- An extension beyond 15 years needs the consensus of all participants (art. 15 §3).
CREATE TABLE "RetentionExtension" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "years" INTEGER NOT NULL,
  "ground" "ExtensionGround" NOT NULL,
  "groundNote" TEXT NOT NULL DEFAULT '',
  "proposedByUserId" UUID NOT NULL,
  "status" "ConsensusStatus" NOT NULL DEFAULT 'OPEN',
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "decidedAt" TIMESTAMPTZ(6),
  CONSTRAINT "RetentionExtension_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "RetentionExtension_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "RetentionExtension_years" CHECK ("years" BETWEEN 16 AND 30)
);
CREATE INDEX "RetentionExtension_dossierId_idx" ON "RetentionExtension"("dossierId");
CREATE INDEX "RetentionExtension_safeHouseId_idx" ON "RetentionExtension"("safeHouseId");
COMMENT ON COLUMN "RetentionExtension"."groundNote" IS 'art15:11';

CREATE TABLE "RetentionVote" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "extensionId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "vote" "VoteChoice" NOT NULL,
  "votedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "RetentionVote_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "RetentionVote_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "RetentionExtension"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "RetentionVote_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "RetentionVote_extensionId_userId_key" ON "RetentionVote"("extensionId", "userId");
CREATE INDEX "RetentionVote_dossierId_idx" ON "RetentionVote"("dossierId");
CREATE INDEX "RetentionVote_safeHouseId_idx" ON "RetentionVote"("safeHouseId");

SELECT app_apply_case_team_rls(t, 'SELECT, INSERT, UPDATE') FROM unnest(ARRAY['RetentionExtension', 'RetentionVote']) AS t;
CREATE POLICY vote_own ON "RetentionVote" AS RESTRICTIVE FOR INSERT
  WITH CHECK (current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));

-- ---------------------------------------------------------------- a closed dossier is read-only
-- For the application role, nothing in a closed dossier changes any more; only the owner's jobs
-- (retention purge) touch it.
CREATE FUNCTION forbid_writes_to_closed_dossier() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_dossier uuid;
  v_status "DossierStatus";
BEGIN
  IF session_user <> 'vhd_app' THEN RETURN coalesce(NEW, OLD); END IF;
  IF TG_TABLE_NAME = 'Dossier' THEN
    IF OLD."status" = 'CLOSED' THEN
      RAISE EXCEPTION 'dossier % is closed and read-only', OLD."id" USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  v_dossier := CASE WHEN TG_OP = 'DELETE' THEN OLD."dossierId" ELSE NEW."dossierId" END;
  SELECT "status" INTO v_status FROM "Dossier" WHERE "id" = v_dossier;
  IF v_status = 'CLOSED' THEN
    RAISE EXCEPTION 'dossier % is closed and read-only', v_dossier USING ERRCODE = '42501';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Referral', 'ClientMember', 'Contact', 'CaseParticipant', 'PartnerInput', 'AdmissionAssessment',
                           'MandatedAgencyConsultation', 'AgendaItem', 'CaseInvitation', 'InformationItem', 'ConferenceDecision',
                           'Goal', 'PlanAction', 'FeedbackRecord', 'DisclosureProposal', 'DisclosureItem', 'DisclosureVote',
                           'RetentionExtension', 'RetentionVote'] LOOP
    EXECUTE format('CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON %I
                    FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier()', t);
  END LOOP;
END $$;
CREATE TRIGGER closed_read_only BEFORE UPDATE ON "Dossier" FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();

-- ---------------------------------------------------------------- transfer between safe houses
CREATE TABLE "TransferRequest" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "reference" TEXT NOT NULL,
  "fromSafeHouseId" UUID NOT NULL,
  "toSafeHouseId" UUID NOT NULL,
  "reason" TEXT NOT NULL,
  "requestedByUserId" UUID NOT NULL,
  "status" "TransferStatus" NOT NULL DEFAULT 'PENDING',
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "decidedAt" TIMESTAMPTZ(6),
  "decidedByUserId" UUID,
  "decisionNote" TEXT,
  CONSTRAINT "TransferRequest_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "TransferRequest_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "TransferRequest_fromSafeHouseId_fkey" FOREIGN KEY ("fromSafeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "TransferRequest_toSafeHouseId_fkey" FOREIGN KEY ("toSafeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "TransferRequest_other_house" CHECK ("fromSafeHouseId" <> "toSafeHouseId")
);
CREATE INDEX "TransferRequest_dossierId_idx" ON "TransferRequest"("dossierId");
CREATE INDEX "TransferRequest_fromSafeHouseId_idx" ON "TransferRequest"("fromSafeHouseId");
CREATE INDEX "TransferRequest_toSafeHouseId_idx" ON "TransferRequest"("toSafeHouseId");
-- at most one pending transfer per dossier
CREATE UNIQUE INDEX "TransferRequest_one_pending" ON "TransferRequest"("dossierId") WHERE "status" = 'PENDING';

ALTER TABLE "TransferRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TransferRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY transfer_select ON "TransferRequest" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "fromSafeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "toSafeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY transfer_insert ON "TransferRequest" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR "fromSafeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY transfer_update ON "TransferRequest" FOR UPDATE
  USING (current_user <> 'vhd_app'
         OR "fromSafeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
         OR "toSafeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
GRANT SELECT, INSERT, UPDATE ON "TransferRequest" TO vhd_app;

-- Acceptance moves the whole dossier to the receiving safe house. The receiving coordinator may
-- not see the dossier before accepting, so this runs as the owner — after checking, from the
-- transaction's actor settings, that the caller coordinates the receiving house. The dossier's
-- children follow through the composite foreign keys (ON UPDATE CASCADE). Participations and
-- open invitations of the sending house end; the input round closes.
CREATE FUNCTION accept_dossier_transfer(p_request uuid, p_now timestamptz) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r "TransferRequest"%ROWTYPE;
BEGIN
  SELECT * INTO r FROM "TransferRequest" WHERE "id" = p_request FOR UPDATE;
  IF NOT FOUND OR NOT (r."toSafeHouseId" = ANY (app_uuids('app.coordinator_houses'))) THEN
    RAISE EXCEPTION 'transfer not found' USING ERRCODE = 'P0002';
  END IF;
  IF r."status" <> 'PENDING' THEN
    RAISE EXCEPTION 'transfer already decided' USING ERRCODE = '55000';
  END IF;
  UPDATE "Dossier" SET "safeHouseId" = r."toSafeHouseId",
         "inputClosedAt" = CASE WHEN "inputRequestedAt" IS NOT NULL THEN coalesce("inputClosedAt", p_now) END
   WHERE "id" = r."dossierId" AND "safeHouseId" = r."fromSafeHouseId" AND "status" <> 'CLOSED';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'dossier not transferable' USING ERRCODE = '55000';
  END IF;
  UPDATE "CaseParticipant" SET "leftAt" = p_now WHERE "dossierId" = r."dossierId" AND "leftAt" IS NULL;
  UPDATE "CaseInvitation" SET "status" = 'WITHDRAWN' WHERE "dossierId" = r."dossierId" AND "status" = 'INVITED';
  UPDATE "TransferRequest" SET "status" = 'ACCEPTED', "decidedAt" = p_now, "decidedByUserId" = app_user_id() WHERE "id" = p_request;
  RETURN r."fromSafeHouseId";
END $$;
REVOKE ALL ON FUNCTION accept_dossier_transfer(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION accept_dossier_transfer(uuid, timestamptz) TO vhd_app;

-- ---------------------------------------------------------------- after the retention term
-- What remains of a purged dossier: anonymised facts for statistics (art. 8, 15 §4) and a
-- deletion record. Neither holds personal data. Dates are kept to the month.
CREATE TABLE "PurgedDossierFact" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "safeHouseId" UUID NOT NULL,
  "submittedMonth" DATE,
  "decidedMonth" DATE,
  "closedMonth" DATE,
  "finalStatus" "DossierStatus" NOT NULL,
  "admitted" BOOLEAN NOT NULL,
  "violenceForms" TEXT[] NOT NULL DEFAULT '{}',
  "minorsInvolved" BOOLEAN NOT NULL,
  "referrerKind" "OrganisationKind",
  "waitingDays" INTEGER,
  "purgedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PurgedDossierFact_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PurgedDossierFact_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "PurgedDossierFact_safeHouseId_idx" ON "PurgedDossierFact"("safeHouseId");

CREATE TABLE "DeletionRecord" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "reference" TEXT NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "closedAt" TIMESTAMPTZ(6),
  "retentionUntil" TIMESTAMPTZ(6) NOT NULL,
  "purgedAt" TIMESTAMPTZ(6) NOT NULL,
  "rowsDeleted" INTEGER NOT NULL,
  CONSTRAINT "DeletionRecord_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DeletionRecord_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DeletionRecord_dossierId_key" ON "DeletionRecord"("dossierId");
CREATE INDEX "DeletionRecord_safeHouseId_idx" ON "DeletionRecord"("safeHouseId");

ALTER TABLE "PurgedDossierFact" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PurgedDossierFact" FORCE ROW LEVEL SECURITY;
-- no policy for the app role: statistics read these only through aggregate functions
CREATE POLICY owner_only ON "PurgedDossierFact" FOR ALL USING (current_user <> 'vhd_app');
ALTER TABLE "DeletionRecord" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DeletionRecord" FORCE ROW LEVEL SECURITY;
CREATE POLICY deletion_select ON "DeletionRecord" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR 'DPO' = ANY ((SELECT app_roles())::text[]));
GRANT SELECT ON "DeletionRecord" TO vhd_app;
