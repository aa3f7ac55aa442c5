-- The decree's admission sequence (issue 12 §1, §2; ADR 0031):
--   art. 5 check (criteria + risk) ──no──► NOT_ADMISSIBLE at once
--            │ yes
--            ▼
--   input round of the core partners, until a deadline the coordinator sets (art. 11, 2nd para)
--            ▼  (deadline passed, or closed early with a reason)
--   follow-up decision: regular care / attach to running care / trajectory (art. 5, 3rd para),
--   with minors only after the mandated agency's own position, or a documented urgent exception
--   (art. 5, 2nd para).
-- The dossier stays SUBMITTED until the follow-up decision.

CREATE TYPE "AgencyPosition" AS ENUM ('AGREE', 'DISAGREE');

-- ---------------------------------------------------------------- the input round on the dossier
ALTER TABLE "Dossier" ADD COLUMN "inputDeadline" TIMESTAMPTZ(6), ADD COLUMN "inputCloseReason" TEXT;
COMMENT ON COLUMN "Dossier"."inputCloseReason" IS 'art15:11';
-- rounds of the old sequence (input asked after a trajectory started) end here: input now comes
-- before the follow-up decision
UPDATE "Dossier" SET "inputClosedAt" = now()
 WHERE "inputRequestedAt" IS NOT NULL AND "inputClosedAt" IS NULL AND "status" <> 'SUBMITTED';
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_input_round_check" CHECK (
  ("inputDeadline" IS NULL OR "inputRequestedAt" IS NOT NULL)
  AND ("inputCloseReason" IS NULL OR "inputClosedAt" IS NOT NULL));
GRANT UPDATE ("inputDeadline", "inputCloseReason") ON "Dossier" TO vhd_app;

-- ---------------------------------------------------------------- the art. 5 check
CREATE TABLE "AdmissionCheck" (
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
  "checkedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "AdmissionCheck_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AdmissionCheck_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "AdmissionCheck_assessorUserId_fkey" FOREIGN KEY ("assessorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "AdmissionCheck_dossierId_key" ON "AdmissionCheck"("dossierId");
CREATE INDEX "AdmissionCheck_safeHouseId_idx" ON "AdmissionCheck"("safeHouseId");
CREATE INDEX "AdmissionCheck_assessorUserId_idx" ON "AdmissionCheck"("assessorUserId");
COMMENT ON COLUMN "AdmissionCheck"."criterion1Met" IS 'art15:11';
COMMENT ON COLUMN "AdmissionCheck"."criterion1Reason" IS 'art15:11';
COMMENT ON COLUMN "AdmissionCheck"."criterion2Met" IS 'art15:11';
COMMENT ON COLUMN "AdmissionCheck"."criterion2Reason" IS 'art15:11';
COMMENT ON COLUMN "AdmissionCheck"."criterion3Met" IS 'art15:11';
COMMENT ON COLUMN "AdmissionCheck"."criterion3Reason" IS 'art15:11';
COMMENT ON COLUMN "AdmissionCheck"."riskLevel" IS 'art15:11';
COMMENT ON COLUMN "AdmissionCheck"."riskAssessment" IS 'art15:11';
ALTER TABLE "AdmissionCheck" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AdmissionCheck" FORCE ROW LEVEL SECURITY;
-- the coordinator's own: recorded once while the dossier is submitted, never rewritten
CREATE POLICY admission_check_select ON "AdmissionCheck" FOR SELECT USING (
  current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY admission_check_insert ON "AdmissionCheck" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
    AND "assessorUserId" = (SELECT app_user_id())
    AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = "dossierId" AND d."status" = 'SUBMITTED')));
GRANT SELECT, INSERT ON "AdmissionCheck" TO vhd_app;
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "AdmissionCheck"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();

-- ---------------------------------------------------------------- the mandated agency's consultation
-- The agency: an organisation of kind VK or YOUTH_CARE_SUPPORT_CENTRE (OCJ) that is a partner of the
-- safe house (CorePartnership: the agencies of the house's area, ADR 0031). Asked by the
-- coordinator; answered by the agency's own staff; or, in urgency, an exception documented by the
-- coordinator. One per dossier.
CREATE TABLE "AgencyConsultation" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "requestedByUserId" UUID NOT NULL,
  "requestedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "proposedDecision" "AdmissionDecision" NOT NULL,
  "question" TEXT NOT NULL DEFAULT '',
  "respondedByUserId" UUID,
  "respondedAt" TIMESTAMPTZ(6),
  "riskView" TEXT,
  "conferenceNeeded" BOOLEAN,
  "conferenceView" TEXT,
  "position" "AgencyPosition",
  "positionReasons" TEXT,
  "exceptionByUserId" UUID,
  "exceptionRecordedAt" TIMESTAMPTZ(6),
  "exceptionContact" TEXT,
  "exceptionContactedAt" TIMESTAMPTZ(6),
  "exceptionChannel" TEXT,
  "exceptionReason" TEXT,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "AgencyConsultation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AgencyConsultation_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "AgencyConsultation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "AgencyConsultation_requestedByUserId_fkey" FOREIGN KEY ("requestedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "AgencyConsultation_respondedByUserId_fkey" FOREIGN KEY ("respondedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "AgencyConsultation_exceptionByUserId_fkey" FOREIGN KEY ("exceptionByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "AgencyConsultation_follow_up_check" CHECK ("proposedDecision" <> 'NOT_ADMISSIBLE'),
  -- a position is whole: the risk, the case conference, agree or disagree, each with reasons
  CONSTRAINT "AgencyConsultation_position_check" CHECK (
    ("respondedAt" IS NULL AND "respondedByUserId" IS NULL AND "riskView" IS NULL AND "conferenceNeeded" IS NULL
      AND "conferenceView" IS NULL AND "position" IS NULL AND "positionReasons" IS NULL)
    OR ("respondedAt" IS NOT NULL AND "respondedByUserId" IS NOT NULL AND length(btrim("riskView")) > 0
      AND "conferenceNeeded" IS NOT NULL AND "conferenceView" IS NOT NULL AND "position" IS NOT NULL
      AND length(btrim("positionReasons")) > 0)),
  -- an exception is documented whole: who was reached, when, how, why no written position
  CONSTRAINT "AgencyConsultation_exception_check" CHECK (
    ("exceptionRecordedAt" IS NULL AND "exceptionByUserId" IS NULL AND "exceptionContact" IS NULL
      AND "exceptionContactedAt" IS NULL AND "exceptionChannel" IS NULL AND "exceptionReason" IS NULL)
    OR ("exceptionRecordedAt" IS NOT NULL AND "exceptionByUserId" IS NOT NULL AND length(btrim("exceptionContact")) > 0
      AND "exceptionContactedAt" IS NOT NULL AND "exceptionContactedAt" <= "exceptionRecordedAt"
      AND length(btrim("exceptionChannel")) > 0 AND length(btrim("exceptionReason")) > 0))
);
CREATE UNIQUE INDEX "AgencyConsultation_dossierId_key" ON "AgencyConsultation"("dossierId");
CREATE INDEX "AgencyConsultation_safeHouseId_idx" ON "AgencyConsultation"("safeHouseId");
CREATE INDEX "AgencyConsultation_organisationId_idx" ON "AgencyConsultation"("organisationId");
CREATE INDEX "AgencyConsultation_requestedByUserId_idx" ON "AgencyConsultation"("requestedByUserId");
CREATE INDEX "AgencyConsultation_respondedByUserId_idx" ON "AgencyConsultation"("respondedByUserId");
CREATE INDEX "AgencyConsultation_exceptionByUserId_idx" ON "AgencyConsultation"("exceptionByUserId");
COMMENT ON COLUMN "AgencyConsultation"."question" IS 'art15:11';
COMMENT ON COLUMN "AgencyConsultation"."riskView" IS 'art15:11';
COMMENT ON COLUMN "AgencyConsultation"."conferenceView" IS 'art15:11';
COMMENT ON COLUMN "AgencyConsultation"."positionReasons" IS 'art15:11';
COMMENT ON COLUMN "AgencyConsultation"."exceptionReason" IS 'art15:11';

-- the dossiers whose consultation was asked of the session user's agency (staff of that agency only)
CREATE FUNCTION app_agency_dossiers() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(c."dossierId"), '{}') FROM "AgencyConsultation" c
   WHERE c."organisationId" = app_organisation_id()
     AND EXISTS (SELECT 1 FROM "RoleAssignment" r WHERE r."userId" = app_session_user() AND r."role" = 'MANDATED_AGENCY_STAFF') $$;
REVOKE ALL ON FUNCTION app_agency_dossiers() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_agency_dossiers() TO vhd_app;

ALTER TABLE "AgencyConsultation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AgencyConsultation" FORCE ROW LEVEL SECURITY;
CREATE POLICY agency_consultation_select ON "AgencyConsultation" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_agency_dossiers())::uuid[]));
-- asked by the coordinator of the holding house, of a VK/OCJ partner of that house, while submitted
CREATE POLICY agency_consultation_insert ON "AgencyConsultation" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
    AND "requestedByUserId" = (SELECT app_user_id())
    AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = "dossierId" AND d."status" = 'SUBMITTED')
    AND EXISTS (SELECT 1 FROM "CorePartnership" p JOIN "Organisation" o ON o."id" = p."organisationId"
                 WHERE p."safeHouseId" = "AgencyConsultation"."safeHouseId" AND p."organisationId" = "AgencyConsultation"."organisationId"
                   AND o."kind" IN ('VK', 'YOUTH_CARE_SUPPORT_CENTRE'))));
-- the agency's staff write their own agency's position; the coordinator documents an exception
CREATE POLICY agency_consultation_update ON "AgencyConsultation" FOR UPDATE USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_agency_dossiers())::uuid[]))
  WITH CHECK (current_user <> 'vhd_app'
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "exceptionByUserId" = (SELECT app_user_id()))
  OR ("dossierId" = ANY ((SELECT app_agency_dossiers())::uuid[]) AND "respondedByUserId" = (SELECT app_user_id())));
GRANT SELECT, INSERT ON "AgencyConsultation" TO vhd_app;
GRANT UPDATE ("respondedByUserId", "respondedAt", "riskView", "conferenceNeeded", "conferenceView", "position", "positionReasons",
              "exceptionByUserId", "exceptionRecordedAt", "exceptionContact", "exceptionContactedAt", "exceptionChannel", "exceptionReason")
  ON "AgencyConsultation" TO vhd_app;
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "AgencyConsultation"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();

-- who writes which part, once, and only while the dossier waits for its follow-up decision
CREATE FUNCTION agency_consultation_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_dossier "Dossier";
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  -- a transfer of the whole dossier moves it to the other house (foreign key ON UPDATE CASCADE)
  IF NEW."safeHouseId" IS DISTINCT FROM OLD."safeHouseId"
     AND (to_jsonb(NEW) - 'safeHouseId') = (to_jsonb(OLD) - 'safeHouseId') THEN
    RETURN NEW;
  END IF;
  SELECT * INTO v_dossier FROM "Dossier" WHERE "id" = NEW."dossierId";
  IF v_dossier."status" <> 'SUBMITTED' THEN
    RAISE EXCEPTION 'agency consultation: only before the follow-up decision' USING ERRCODE = '42501';
  END IF;
  IF NEW."organisationId" IS DISTINCT FROM OLD."organisationId" OR NEW."proposedDecision" IS DISTINCT FROM OLD."proposedDecision"
     OR NEW."question" IS DISTINCT FROM OLD."question" OR NEW."requestedAt" IS DISTINCT FROM OLD."requestedAt"
     OR NEW."safeHouseId" IS DISTINCT FROM OLD."safeHouseId" THEN
    RAISE EXCEPTION 'agency consultation: the question does not change' USING ERRCODE = '42501';
  END IF;
  -- the position: once, by staff of the agency asked (not the coordinator)
  IF (NEW."respondedAt", NEW."respondedByUserId", NEW."riskView", NEW."conferenceNeeded", NEW."conferenceView", NEW."position", NEW."positionReasons")
     IS DISTINCT FROM (OLD."respondedAt", OLD."respondedByUserId", OLD."riskView", OLD."conferenceNeeded", OLD."conferenceView", OLD."position", OLD."positionReasons") THEN
    IF OLD."respondedAt" IS NOT NULL OR NOT (NEW."dossierId" = ANY (app_agency_dossiers()))
       OR NEW."respondedByUserId" IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'agency consultation: the position is the agency''s own, recorded once (art. 5)' USING ERRCODE = '42501';
    END IF;
    IF NEW."respondedAt" < OLD."requestedAt" THEN
      RAISE EXCEPTION 'agency consultation: answered before it was asked' USING ERRCODE = '23514';
    END IF;
  END IF;
  -- the exception: once, by the coordinator; reached not before the referral was submitted
  IF (NEW."exceptionRecordedAt", NEW."exceptionByUserId", NEW."exceptionContact", NEW."exceptionContactedAt", NEW."exceptionChannel", NEW."exceptionReason")
     IS DISTINCT FROM (OLD."exceptionRecordedAt", OLD."exceptionByUserId", OLD."exceptionContact", OLD."exceptionContactedAt", OLD."exceptionChannel", OLD."exceptionReason") THEN
    IF OLD."exceptionRecordedAt" IS NOT NULL OR NOT (NEW."safeHouseId" = ANY (app_uuids('app.coordinator_houses')))
       OR NEW."exceptionByUserId" IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'agency consultation: an exception is the coordinator''s, recorded once (art. 5)' USING ERRCODE = '42501';
    END IF;
    IF NEW."exceptionContactedAt" < date_trunc('minute', v_dossier."submittedAt") THEN
      RAISE EXCEPTION 'agency consultation: the agency was reached before the referral was submitted' USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER agency_consultation_guard BEFORE UPDATE ON "AgencyConsultation"
  FOR EACH ROW EXECUTE FUNCTION agency_consultation_guard();

-- ---------------------------------------------------------------- who sees the dossier
CREATE OR REPLACE FUNCTION app_uuids(setting text) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE setting
    WHEN 'app.coordinator_houses' THEN (
      SELECT coalesce(array_agg(DISTINCT r."safeHouseId"), '{}') FROM "RoleAssignment" r
       WHERE r."userId" = app_session_user() AND r."role" IN ('COORDINATOR', 'COORDINATOR_REPRESENTATIVE') AND r."safeHouseId" IS NOT NULL)
    WHEN 'app.core_partner_houses' THEN (
      SELECT coalesce(array_agg(DISTINCT r."safeHouseId"), '{}') FROM "RoleAssignment" r
        JOIN "User" u ON u."id" = r."userId"
        JOIN "CorePartnership" c ON c."organisationId" = u."organisationId" AND c."safeHouseId" = r."safeHouseId"
       WHERE r."userId" = app_session_user() AND r."role" = 'CORE_PARTNER_STAFF')
    WHEN 'app.participant_dossiers' THEN app_open_participations(app_session_user())
    WHEN 'app.agency_dossiers' THEN app_agency_dossiers()
    ELSE '{}'::uuid[] END
$$;

-- Mirrors lib/access/policy.ts `dossierWhere`: the agency's staff see a referral whose consultation
-- was asked of their agency, until the follow-up decision.
DROP POLICY dossier_select ON "Dossier";
CREATE POLICY dossier_select ON "Dossier" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "status" <> 'DRAFT')
  OR ("referrerUserId" = (SELECT app_user_id()) AND "status" <> 'CLOSED')
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.core_partner_houses'))::uuid[])
      AND "inputRequestedAt" IS NOT NULL AND "inputClosedAt" IS NULL AND "status" <> 'CLOSED')
  OR ("id" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]) AND "status" <> 'CLOSED')
  OR ("id" = ANY ((SELECT app_uuids('app.agency_dossiers'))::uuid[]) AND "status" = 'SUBMITTED')
);

DROP FUNCTION app_begin(text, uuid);
CREATE FUNCTION app_begin(p_token text, p_user uuid)
RETURNS TABLE (uid text, name text, active boolean, "organisationId" text, "organisationName" text,
               roles json, "partnerHouses" text[], "participantDossiers" text[], "agencyDossiers" text[])
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_catalog.set_config('app.session_token', p_token, true), pg_catalog.set_config('jit', 'off', true);
  RETURN QUERY
    SELECT public.app_user_id()::text, u."name", u."active", u."organisationId"::text, o."name",
           (SELECT coalesce(json_agg(json_build_object('role', r."role", 'safeHouseId', r."safeHouseId")
                                     ORDER BY r."role", r."safeHouseId"), '[]'::json)
              FROM public."RoleAssignment" r WHERE r."userId" = u."id"),
           (SELECT coalesce(array_agg(c."safeHouseId"::text), '{}')
              FROM public."CorePartnership" c WHERE c."organisationId" = u."organisationId"),
           -- accepted, secrecy acknowledged, not left — and not closed (ADR 0017)
           public.app_open_participations(u."id")::text[],
           -- consultations asked of the user's mandated agency (ADR 0031)
           CASE WHEN u."id" = public.app_user_id() THEN public.app_agency_dossiers()::text[] ELSE '{}'::text[] END
      FROM public."User" u JOIN public."Organisation" o ON o."id" = u."organisationId"
     WHERE u."id" = p_user;
END $$;
REVOKE ALL ON FUNCTION app_begin(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_begin(text, uuid) TO vhd_app;

-- ---------------------------------------------------------------- partner input: while the round is open
CREATE OR REPLACE FUNCTION app_may_write_partner_input(p_dossier uuid, p_house uuid, p_org uuid, p_author uuid)
RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT p_org = app_organisation_id() AND p_author = app_user_id()
     AND p_house = ANY (app_uuids('app.core_partner_houses'))
     AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND d."safeHouseId" = p_house
                 AND d."status" = 'SUBMITTED' AND d."inputRequestedAt" IS NOT NULL AND d."inputClosedAt" IS NULL
                 AND d."inputDeadline" > now()) $$;

-- ---------------------------------------------------------------- the order, in the dossier's state machine
-- A copy of dossier_state_guard (20261202140000_invariants_wall) that lets the coordinator open the
-- input round (once, with a deadline) and close it (once) while the dossier is SUBMITTED; the rest
-- is unchanged.
CREATE OR REPLACE FUNCTION dossier_state_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  v_coord boolean := OLD."safeHouseId" = ANY (app_uuids('app.coordinator_houses'));
  v_decided constant text[] := ARRAY['NOT_ADMISSIBLE', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE', 'IN_TRAJECTORY'];
BEGIN
  IF current_user <> 'vhd_app' THEN RETURN NEW; END IF;
  IF NEW."referrerUserId" IS DISTINCT FROM OLD."referrerUserId" OR NEW."referrerOrganisationId" IS DISTINCT FROM OLD."referrerOrganisationId"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" OR NEW."id" IS DISTINCT FROM OLD."id" THEN
    RAISE EXCEPTION 'dossier: who referred it does not change' USING ERRCODE = '42501';
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    IF OLD."referrerUserId" IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'dossier: only the referrer edits a draft' USING ERRCODE = '42501';
    END IF;
    IF NEW."status" NOT IN ('DRAFT', 'SUBMITTED') OR (NEW."status" = 'SUBMITTED' AND NEW."submittedAt" IS NULL)
       OR (NEW."status" = 'DRAFT' AND (NEW."reference" IS DISTINCT FROM OLD."reference" OR NEW."submittedAt" IS NOT NULL))
       OR NEW."decidedAt" IS NOT NULL OR NEW."decisionReasons" IS NOT NULL OR NEW."inputRequestedAt" IS NOT NULL
       OR NEW."inputDeadline" IS NOT NULL OR NEW."inputClosedAt" IS NOT NULL
       OR NEW."closedAt" IS NOT NULL OR NEW."retentionUntil" IS NOT NULL OR NEW."closingAgendaItemId" IS NOT NULL THEN
      RAISE EXCEPTION 'dossier: a draft is only edited or submitted by its referrer' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF NOT v_coord THEN
    RAISE EXCEPTION 'dossier: only the coordinator changes a submitted dossier' USING ERRCODE = '42501';
  END IF;
  IF NEW."reference" IS DISTINCT FROM OLD."reference" OR NEW."safeHouseId" IS DISTINCT FROM OLD."safeHouseId"
     OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt" OR NEW."clientSystemLabel" IS DISTINCT FROM OLD."clientSystemLabel" THEN
    RAISE EXCEPTION 'dossier: the referral does not change after submission' USING ERRCODE = '42501';
  END IF;
  -- the input round (art. 11, 2nd para): opened once, with a deadline, only while submitted and
  -- only after an art. 5 check with all three criteria met; closed once
  IF (NEW."inputRequestedAt", NEW."inputDeadline") IS DISTINCT FROM (OLD."inputRequestedAt", OLD."inputDeadline") THEN
    IF OLD."status" <> 'SUBMITTED' OR OLD."inputRequestedAt" IS NOT NULL OR NEW."inputRequestedAt" IS NULL
       OR NEW."inputDeadline" IS NULL OR NEW."inputDeadline" <= NEW."inputRequestedAt" THEN
      RAISE EXCEPTION 'dossier: an input round is opened once, with a deadline after it opens (art. 11)' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM "AdmissionCheck" c WHERE c."dossierId" = NEW."id"
                    AND c."criterion1Met" AND c."criterion2Met" AND c."criterion3Met") THEN
      RAISE EXCEPTION 'dossier: the input round follows an art. 5 check with all criteria met' USING ERRCODE = '23514';
    END IF;
  END IF;
  -- (closing a trajectory still stamps "inputClosedAt" as before: the round belongs to SUBMITTED)
  IF OLD."status" = 'SUBMITTED'
     AND (NEW."inputClosedAt", NEW."inputCloseReason") IS DISTINCT FROM (OLD."inputClosedAt", OLD."inputCloseReason") THEN
    IF OLD."inputClosedAt" IS NOT NULL OR NEW."inputClosedAt" IS NULL OR NEW."inputRequestedAt" IS NULL THEN
      RAISE EXCEPTION 'dossier: an input round is closed once' USING ERRCODE = '42501';
    END IF;
    IF NEW."inputClosedAt" < NEW."inputDeadline" AND length(btrim(coalesce(NEW."inputCloseReason", ''))) = 0 THEN
      RAISE EXCEPTION 'dossier: closing the input round before its deadline needs a reason (art. 11)' USING ERRCODE = '23514';
    END IF;
  END IF;
  IF NEW."status" IS DISTINCT FROM OLD."status" THEN
    IF OLD."status" = 'SUBMITTED' AND NEW."status"::text = ANY (v_decided) THEN
      IF NEW."decidedAt" IS NULL OR NEW."decisionReasons" IS NULL THEN
        RAISE EXCEPTION 'dossier: a decision carries its time and reasons' USING ERRCODE = '23514';
      END IF;
    ELSIF OLD."status" = 'IN_TRAJECTORY' AND NEW."status" = 'CLOSED' THEN
      IF NEW."closingAgendaItemId" IS NULL THEN
        RAISE EXCEPTION 'dossier: a trajectory is closed at a closing conference (art. 15 §3)' USING ERRCODE = '23514';
      END IF;
      IF NEW."retentionYears" > 15 AND NOT EXISTS (
           SELECT 1 FROM "RetentionExtension" e
            WHERE e."dossierId" = NEW."id" AND e."agendaItemId" = NEW."closingAgendaItemId" AND e."status" = 'APPROVED'
              AND e."years" = NEW."retentionYears" AND e."ground" = NEW."retentionGround") THEN
        RAISE EXCEPTION 'dossier: beyond 15 years only with the consensus of the closing conference (art. 15 §3)' USING ERRCODE = '42501';
      END IF;
    ELSE
      RAISE EXCEPTION 'dossier: % -> % is not allowed', OLD."status", NEW."status" USING ERRCODE = '42501';
    END IF;
  ELSE
    IF NEW."decidedAt" IS DISTINCT FROM OLD."decidedAt" OR NEW."decisionReasons" IS DISTINCT FROM OLD."decisionReasons"
       OR NEW."closedAt" IS DISTINCT FROM OLD."closedAt" OR NEW."retentionUntil" IS DISTINCT FROM OLD."retentionUntil"
       OR NEW."retentionYears" IS DISTINCT FROM OLD."retentionYears" OR NEW."retentionGround" IS DISTINCT FROM OLD."retentionGround"
       OR NEW."closingAgendaItemId" IS DISTINCT FROM OLD."closingAgendaItemId" THEN
      RAISE EXCEPTION 'dossier: a decision or closure is not rewritten' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;

-- At commit: the sequence of art. 5 and art. 11 before a decision leaves SUBMITTED.
--   NOT_ADMISSIBLE: an art. 5 check that found a criterion not met.
--   a follow-up decision: an art. 5 check with all criteria met, a closed input round (deadline
--   passed or closed early with a reason), and — minors involved — the mandated agency's
--   position or a documented exception.
CREATE FUNCTION dossier_follows_admission_sequence() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NULL; END IF;
  IF OLD."status" <> 'SUBMITTED' OR NEW."status" = 'SUBMITTED' THEN RETURN NULL; END IF;
  IF NEW."status" = 'NOT_ADMISSIBLE' THEN
    IF NOT EXISTS (SELECT 1 FROM "AdmissionCheck" c WHERE c."dossierId" = NEW."id"
                    AND NOT (c."criterion1Met" AND c."criterion2Met" AND c."criterion3Met")) THEN
      RAISE EXCEPTION 'dossier: not admissible only when the art. 5 check found a criterion not met' USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "AdmissionCheck" c WHERE c."dossierId" = NEW."id"
                  AND c."criterion1Met" AND c."criterion2Met" AND c."criterion3Met") THEN
    RAISE EXCEPTION 'dossier: a follow-up decision needs an art. 5 check with all criteria met' USING ERRCODE = '23514';
  END IF;
  IF NEW."inputRequestedAt" IS NULL OR NEW."inputClosedAt" IS NULL
     OR (NEW."inputClosedAt" < NEW."inputDeadline" AND NEW."inputCloseReason" IS NULL) THEN
    RAISE EXCEPTION 'dossier: a follow-up decision comes after the core partners'' input round (art. 11)' USING ERRCODE = '23514';
  END IF;
  IF EXISTS (SELECT 1 FROM "ClientMember" m WHERE m."dossierId" = NEW."id" AND m."isMinor")
     AND NOT EXISTS (SELECT 1 FROM "AgencyConsultation" a WHERE a."dossierId" = NEW."id"
                      AND (a."respondedAt" IS NOT NULL OR a."exceptionRecordedAt" IS NOT NULL)) THEN
    RAISE EXCEPTION 'dossier: with minors, the follow-up decision needs the mandated agency''s position (art. 5)' USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER dossier_follows_admission_sequence AFTER UPDATE OF "status" ON "Dossier"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dossier_follows_admission_sequence();
