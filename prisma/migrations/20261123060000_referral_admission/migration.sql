-- Referral form (art. 11), admission check (art. 5) with mandated-agency consultation, and
-- core-partner input (art. 11, 2nd para).

CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'ELEVATED', 'HIGH', 'ACUTE');
CREATE TYPE "AdmissionDecision" AS ENUM (
  'REFER_TO_REGULAR_CARE', 'ATTACH_TO_EXISTING_CARE', 'START_TRAJECTORY', 'NOT_ADMISSIBLE');
CREATE TYPE "MandatedAgencyKind" AS ENUM ('VK', 'OCJ');
CREATE TYPE "KnownStatus" AS ENUM ('KNOWN', 'PREVIOUSLY_KNOWN', 'NOT_KNOWN');

-- The outcome the referrer is told (status + reasons), kept on the dossier itself; the
-- coordinator's assessment stays in AdmissionAssessment, which the referrer cannot read.
ALTER TABLE "Dossier" ADD COLUMN "decisionReasons" TEXT;
COMMENT ON COLUMN "Dossier"."decisionReasons" IS 'art15:11';

-- Children carry the dossier's safe house; a composite foreign key keeps the two equal, also
-- when a dossier is transferred (ON UPDATE CASCADE).
CREATE UNIQUE INDEX "Dossier_id_safeHouseId_key" ON "Dossier"("id", "safeHouseId");
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_dossier_house_fkey"
  FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_organisationId_fkey"
  FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------- referral form
ALTER TABLE "Referral"
  ADD COLUMN "riskAnswers" JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "riskScore" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "riskJudgement" "RiskLevel",
  ADD COLUMN "riskJudgementReason" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "involvedOrganisations" TEXT NOT NULL DEFAULT '';
COMMENT ON COLUMN "Referral"."riskAnswers" IS 'art15:11';
COMMENT ON COLUMN "Referral"."riskScore" IS 'art15:11';
COMMENT ON COLUMN "Referral"."riskJudgement" IS 'art15:11';
COMMENT ON COLUMN "Referral"."riskJudgementReason" IS 'art15:11';
COMMENT ON COLUMN "Referral"."involvedOrganisations" IS 'art15:6';

-- Dossier references VH-<house>-<year>-<nnnn>, numbered per safe house and year.
CREATE TABLE "ReferenceCounter" (
  "safeHouseId" UUID NOT NULL,
  "year" INTEGER NOT NULL,
  "last" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("safeHouseId", "year"),
  CONSTRAINT "ReferenceCounter_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- ---------------------------------------------------------------- admission check (art. 5)
CREATE TABLE "AdmissionAssessment" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "assessorUserId" UUID NOT NULL,
  "criterion1Met" BOOLEAN NOT NULL,
  "criterion1Reason" TEXT NOT NULL,
  "criterion2Met" BOOLEAN NOT NULL,
  "criterion2Reason" TEXT NOT NULL,
  "criterion3Met" BOOLEAN NOT NULL,
  "criterion3Reason" TEXT NOT NULL,
  "riskLevel" "RiskLevel" NOT NULL,
  "riskAssessment" TEXT NOT NULL,
  "decision" "AdmissionDecision" NOT NULL,
  "decisionReasons" TEXT NOT NULL,
  "decidedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "AdmissionAssessment_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AdmissionAssessment_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "AdmissionAssessment_assessorUserId_fkey" FOREIGN KEY ("assessorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- art. 5: a trajectory only when all three criteria are met
  CONSTRAINT "AdmissionAssessment_all_criteria_for_trajectory" CHECK (
    "decision" <> 'START_TRAJECTORY' OR ("criterion1Met" AND "criterion2Met" AND "criterion3Met"))
);
CREATE UNIQUE INDEX "AdmissionAssessment_dossierId_key" ON "AdmissionAssessment"("dossierId");
CREATE INDEX "AdmissionAssessment_safeHouseId_idx" ON "AdmissionAssessment"("safeHouseId");
COMMENT ON COLUMN "AdmissionAssessment"."criterion1Met" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."criterion1Reason" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."criterion2Met" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."criterion2Reason" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."criterion3Met" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."criterion3Reason" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."riskLevel" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."riskAssessment" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."decision" IS 'art15:11';
COMMENT ON COLUMN "AdmissionAssessment"."decisionReasons" IS 'art15:11';

-- art. 5, 2nd para: with minors, a mandated agency (VK or OCJ) is consulted before deciding.
CREATE TABLE "MandatedAgencyConsultation" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "agency" "MandatedAgencyKind" NOT NULL,
  "agencyName" TEXT NOT NULL,
  "consultedPerson" TEXT NOT NULL,
  "consultedAt" TIMESTAMPTZ(6) NOT NULL,
  "view" TEXT NOT NULL,
  "recordedByUserId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "MandatedAgencyConsultation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "MandatedAgencyConsultation_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "MandatedAgencyConsultation_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "MandatedAgencyConsultation_dossierId_idx" ON "MandatedAgencyConsultation"("dossierId");
CREATE INDEX "MandatedAgencyConsultation_safeHouseId_idx" ON "MandatedAgencyConsultation"("safeHouseId");
COMMENT ON COLUMN "MandatedAgencyConsultation"."view" IS 'art15:11';

-- ---------------------------------------------------------------- core-partner input (art. 11)
CREATE TABLE "PartnerInput" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "authorUserId" UUID NOT NULL,
  "knownStatus" "KnownStatus" NOT NULL,
  "trajectory" TEXT NOT NULL DEFAULT '',
  "trajectoryProgress" TEXT NOT NULL DEFAULT '',
  "viewOnFollowUp" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PartnerInput_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PartnerInput_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PartnerInput_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "PartnerInput_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PartnerInput_dossierId_organisationId_key" ON "PartnerInput"("dossierId", "organisationId");
CREATE INDEX "PartnerInput_safeHouseId_idx" ON "PartnerInput"("safeHouseId");
CREATE INDEX "PartnerInput_organisationId_idx" ON "PartnerInput"("organisationId");
COMMENT ON COLUMN "PartnerInput"."knownStatus" IS 'art15:6';
COMMENT ON COLUMN "PartnerInput"."trajectory" IS 'art15:6';
COMMENT ON COLUMN "PartnerInput"."trajectoryProgress" IS 'art15:11';
COMMENT ON COLUMN "PartnerInput"."viewOnFollowUp" IS 'art15:11';

-- ---------------------------------------------------------------- row-level security
ALTER TABLE "AdmissionAssessment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AdmissionAssessment" FORCE ROW LEVEL SECURITY;
ALTER TABLE "MandatedAgencyConsultation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MandatedAgencyConsultation" FORCE ROW LEVEL SECURITY;
ALTER TABLE "PartnerInput" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PartnerInput" FORCE ROW LEVEL SECURITY;

-- The assessment and the consultation are the coordinator's: only the coordinator (and
-- representative) of the holding safe house reads or writes them.
CREATE POLICY assessment_all ON "AdmissionAssessment" FOR ALL
  USING (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]))
  WITH CHECK (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY consultation_all ON "MandatedAgencyConsultation" FOR ALL
  USING (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]))
  WITH CHECK (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));

-- Input: the coordinator reads all of it; an organisation reads its own input on a dossier it
-- may see; core-partner staff write their own organisation's input while input is requested.
CREATE FUNCTION app_may_write_partner_input(p_dossier uuid, p_house uuid, p_org uuid, p_author uuid)
RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT p_org = app_organisation_id() AND p_author = app_user_id()
     AND p_house = ANY (app_uuids('app.core_partner_houses'))
     AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND d."safeHouseId" = p_house
                 AND d."status" = 'IN_TRAJECTORY' AND d."inputRequestedAt" IS NOT NULL AND d."inputClosedAt" IS NULL) $$;

CREATE POLICY partner_input_select ON "PartnerInput" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR ("organisationId" = (SELECT app_organisation_id()) AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = "dossierId"))
);
CREATE POLICY partner_input_insert ON "PartnerInput" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR app_may_write_partner_input("dossierId", "safeHouseId", "organisationId", "authorUserId"));
CREATE POLICY partner_input_update ON "PartnerInput" FOR UPDATE
  USING (current_user <> 'vhd_app' OR ("organisationId" = (SELECT app_organisation_id())
         AND "safeHouseId" = ANY ((SELECT app_uuids('app.core_partner_houses'))::uuid[])))
  WITH CHECK (current_user <> 'vhd_app' OR app_may_write_partner_input("dossierId", "safeHouseId", "organisationId", "authorUserId"));

GRANT SELECT, INSERT, UPDATE ON "ReferenceCounter" TO vhd_app;
GRANT SELECT, INSERT, UPDATE ON "AdmissionAssessment", "MandatedAgencyConsultation", "PartnerInput" TO vhd_app;
