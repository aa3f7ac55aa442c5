-- Every dossier gets a retention term; 15 years is a maximum, not a floor (art. 15 §3,
-- GDPR art. 5(1)(e)); ADR 0015.
--
-- * A decision other than "start a trajectory" ends the dossier at once: closedAt and a term.
-- * A trajectory is closed at a closing conference (an agenda item of the case); the term is at
--   most 15 years, shorter with a reason; longer (up to 30) only by an extension approved by
--   consensus at that same closing conference.
-- * Drafts never submitted are deleted by the purge job after a configurable period.

ALTER TABLE "Dossier"
  ADD COLUMN "closingAgendaItemId" UUID,
  ADD COLUMN "retentionReason" TEXT,
  ADD CONSTRAINT "Dossier_closing_agenda_fkey" FOREIGN KEY ("closingAgendaItemId", "id") REFERENCES "AgendaItem"("id", "dossierId");
COMMENT ON COLUMN "Dossier"."retentionReason" IS 'art15:11';
CREATE INDEX "Dossier_closingAgendaItemId_idx" ON "Dossier"("closingAgendaItemId");
CREATE INDEX "Dossier_status_createdAt_idx" ON "Dossier"("status", "createdAt");

-- existing ended dossiers get the documented default term (lib/retention/terms.ts)
UPDATE "Dossier" SET "closedAt" = coalesce("decidedAt", "submittedAt", "createdAt"),
       "retentionYears" = CASE "status" WHEN 'NOT_ADMISSIBLE' THEN 3 ELSE 5 END
 WHERE "status" IN ('NOT_ADMISSIBLE', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE') AND "closedAt" IS NULL;
UPDATE "Dossier" SET "retentionUntil" = "closedAt" + make_interval(years => "retentionYears")
 WHERE "status" IN ('NOT_ADMISSIBLE', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE') AND "retentionUntil" IS NULL;

ALTER TABLE "Dossier"
  DROP CONSTRAINT "Dossier_retention_at_most_30_years",
  DROP CONSTRAINT "Dossier_closed_has_retention",
  DROP CONSTRAINT "Dossier_extension_has_ground",
  -- never more than 30 years, never less than one
  ADD CONSTRAINT "Dossier_retention_at_most_30_years" CHECK ("retentionYears" IS NULL OR "retentionYears" BETWEEN 1 AND 30),
  -- more than 15 years only for a closed trajectory, with the ground of the extension
  ADD CONSTRAINT "Dossier_retention_at_most_15_unless_extended" CHECK (
    "retentionYears" IS NULL OR "retentionYears" <= 15 OR ("status" = 'CLOSED' AND "retentionGround" IS NOT NULL)),
  -- a shorter term than the maximum carries its reason (a decision without trajectory has its default)
  ADD CONSTRAINT "Dossier_shorter_term_has_reason" CHECK (
    "status" <> 'CLOSED' OR "retentionYears" >= 15 OR "retentionReason" IS NOT NULL) NOT VALID,
  -- every ended dossier has its closing moment and its term, and the term runs from closure
  ADD CONSTRAINT "Dossier_ended_has_retention" CHECK (
    "status" NOT IN ('NOT_ADMISSIBLE', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE', 'CLOSED')
    OR ("closedAt" IS NOT NULL AND "retentionUntil" IS NOT NULL AND "retentionYears" IS NOT NULL)),
  ADD CONSTRAINT "Dossier_retention_from_closure" CHECK (
    "retentionUntil" IS NULL OR ("closedAt" IS NOT NULL AND "retentionYears" IS NOT NULL
      AND "retentionUntil" <= "closedAt" + make_interval(years => "retentionYears") + interval '1 day'));

-- A rectification (GDPR art. 16) stays possible during the whole retention term, also after
-- closure: on a closed dossier the application may change nothing but the identification data of
-- a member, and only the coordinator of the holding safe house. Everything else stays read-only.
CREATE OR REPLACE FUNCTION forbid_writes_to_closed_dossier() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_dossier uuid;
  v_status "DossierStatus";
  v_house uuid;
BEGIN
  IF session_user <> 'vhd_app' THEN RETURN coalesce(NEW, OLD); END IF;
  IF TG_TABLE_NAME = 'Dossier' THEN
    IF OLD."status" = 'CLOSED' THEN
      RAISE EXCEPTION 'dossier % is closed and read-only', OLD."id" USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  v_dossier := CASE WHEN TG_OP = 'DELETE' THEN OLD."dossierId" ELSE NEW."dossierId" END;
  SELECT "status", "safeHouseId" INTO v_status, v_house FROM "Dossier" WHERE "id" = v_dossier;
  IF v_status = 'CLOSED' THEN
    IF TG_TABLE_NAME = 'ClientMember' AND TG_OP = 'UPDATE'
       AND v_house = ANY (app_uuids('app.coordinator_houses'))
       AND (to_jsonb(OLD) - 'firstName' - 'lastName' - 'dateOfBirth' - 'sex' - 'nationalNumberEnc' - 'nationalNumberHmac' - 'isMinor')
           = (to_jsonb(NEW) - 'firstName' - 'lastName' - 'dateOfBirth' - 'sex' - 'nationalNumberEnc' - 'nationalNumberHmac' - 'isMinor') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'dossier % is closed and read-only', v_dossier USING ERRCODE = '42501';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;

-- the client-system data of a closed dossier may be rectified by its coordinator (RLS too)
CREATE OR REPLACE FUNCTION app_may_write_dossier(p_dossier uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND (
     (d."referrerUserId" = app_user_id() AND d."status" = 'DRAFT')
     OR (d."safeHouseId" = ANY (app_uuids('app.coordinator_houses')) AND d."status" <> 'DRAFT'))) $$;

-- Each organisation is responsible for the information it brings in (art. 15 §2): it can correct
-- it, or withdraw it (the content is erased; that it existed and who withdrew it stays, and the
-- access log keeps the history). Information that was already shared cannot be changed any more.
ALTER TABLE "InformationItem"
  ADD COLUMN "correctedAt" TIMESTAMPTZ(6),
  ADD COLUMN "withdrawnAt" TIMESTAMPTZ(6),
  ADD CONSTRAINT "InformationItem_withdrawn_is_erased" CHECK ("withdrawnAt" IS NULL OR "content" = '');
ALTER TABLE "InformationItem" DROP CONSTRAINT IF EXISTS "InformationItem_content_check";
