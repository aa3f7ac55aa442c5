-- The second wall guards the invariants, not just the rows (art. 15 §1 last para, art. 32 GDPR;
-- ADR 0016). Row-level security per command instead of FOR ALL, grants reduced to what the
-- application really does, and a state machine for a dossier's status in the database.

-- ---------------------------------------------------------------- helpers
CREATE FUNCTION app_is_coordinator_of(p_house uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT p_house = ANY (app_uuids('app.coordinator_houses')) $$;
CREATE FUNCTION app_is_participant_of(p_dossier uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT p_dossier = ANY (app_uuids('app.participant_dossiers')) $$;

-- Replace a table's FOR ALL case-team policy by one policy per command. Reading stays the same
-- (coordinator of the holding safe house, participants of this case); writing follows p_insert /
-- p_update (SQL conditions); commands that are not granted need no policy.
CREATE FUNCTION app_case_team_policies(p_table text, p_insert text, p_update text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  team text := $t$(current_user <> 'vhd_app'
           OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
           OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]))$t$;
BEGIN
  EXECUTE format('DROP POLICY IF EXISTS case_team ON %I', p_table);
  EXECUTE format('CREATE POLICY case_team_select ON %I FOR SELECT USING %s', p_table, team);
  IF p_insert IS NOT NULL THEN
    EXECUTE format($p$CREATE POLICY case_team_insert ON %I FOR INSERT WITH CHECK (current_user <> 'vhd_app' OR (%s AND (%s)))$p$, p_table, team, p_insert);
  END IF;
  IF p_update IS NOT NULL THEN
    EXECUTE format($p$CREATE POLICY case_team_update ON %I FOR UPDATE USING (current_user <> 'vhd_app' OR (%s AND (%s)))
                     WITH CHECK (current_user <> 'vhd_app' OR (%s AND (%s)))$p$, p_table, team, p_update, team, p_update);
  END IF;
  EXECUTE format('REVOKE ALL ON %I FROM vhd_app', p_table);
  EXECUTE format('GRANT SELECT%s%s ON %I TO vhd_app',
                 CASE WHEN p_insert IS NOT NULL THEN ', INSERT' ELSE '' END,
                 CASE WHEN p_update IS NOT NULL THEN ', UPDATE' ELSE '' END, p_table);
END $fn$;
REVOKE ALL ON FUNCTION app_case_team_policies(text, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------- conference tables, per command
-- minutes, decisions, goals, actions: the coordinator who chairs; participants read
SELECT app_case_team_policies('AgendaItem', 'app_is_coordinator_of("safeHouseId")', 'app_is_coordinator_of("safeHouseId")');
SELECT app_case_team_policies('ConferenceDecision', 'app_is_coordinator_of("safeHouseId") AND "recordedByUserId" = app_user_id()', NULL);
SELECT app_case_team_policies('Goal', 'app_is_coordinator_of("safeHouseId") AND "createdByUserId" = app_user_id()', NULL);
SELECT app_case_team_policies('PlanAction', 'app_is_coordinator_of("safeHouseId")', 'app_is_coordinator_of("safeHouseId")');
-- information: brought in by the actor for their own organisation; only that organisation
-- corrects or withdraws it (art. 13 §2, art. 15 §2); nobody deletes it
SELECT app_case_team_policies('InformationItem',
  '"organisationId" = app_organisation_id() AND "authorUserId" = app_user_id()',
  '"organisationId" = app_organisation_id()');
-- feedback: by the standing delegate themself (art. 12)
SELECT app_case_team_policies('FeedbackRecord', '"delegateUserId" = app_user_id() AND app_is_participant_of("dossierId")', NULL);
-- proposals: made by the actor; their status moves only as consensus_status_guard allows
SELECT app_case_team_policies('DisclosureProposal', '"proposedByUserId" = app_user_id() AND app_is_participant_of("dossierId")', 'true');
SELECT app_case_team_policies('RetentionExtension', '"proposedByUserId" = app_user_id() AND app_is_coordinator_of("safeHouseId")', 'true');
-- what a proposal contains and who decides is fixed when it is made (triggers of 20261202100000)
SELECT app_case_team_policies('DisclosureItem', 'true', NULL);
SELECT app_case_team_policies('DisclosureVoter', 'true', NULL);
SELECT app_case_team_policies('RetentionVoter', 'true', NULL);
-- a vote is the voter's own; nobody changes or deletes one
SELECT app_case_team_policies('DisclosureVote', '"userId" = app_user_id()', NULL);
SELECT app_case_team_policies('RetentionVote', '"userId" = app_user_id()', NULL);
DROP POLICY vote_own ON "DisclosureVote";
DROP POLICY vote_own ON "RetentionVote";

-- the coordinator's own assessment and consultations: recorded once, never rewritten
DROP POLICY assessment_all ON "AdmissionAssessment";
DROP POLICY consultation_all ON "MandatedAgencyConsultation";
CREATE POLICY assessment_select ON "AdmissionAssessment" FOR SELECT USING (
  current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY assessment_insert ON "AdmissionAssessment" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "assessorUserId" = (SELECT app_user_id())));
CREATE POLICY consultation_select ON "MandatedAgencyConsultation" FOR SELECT USING (
  current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY consultation_insert ON "MandatedAgencyConsultation" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "recordedByUserId" = (SELECT app_user_id())));
REVOKE UPDATE, DELETE ON "AdmissionAssessment", "MandatedAgencyConsultation" FROM vhd_app;

-- the referral and the client system: the referrer writes them while the dossier is a draft; after
-- that only the coordinator rectifies a member's identification data (GDPR art. 16)
CREATE FUNCTION app_is_own_draft(p_dossier uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND d."referrerUserId" = app_user_id() AND d."status" = 'DRAFT') $$;
DROP POLICY referral_write ON "Referral";
DROP POLICY member_write ON "ClientMember";
DROP POLICY contact_write ON "Contact";
CREATE POLICY referral_insert ON "Referral" FOR INSERT WITH CHECK (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));
CREATE POLICY referral_update ON "Referral" FOR UPDATE USING (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"))
  WITH CHECK (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));
CREATE POLICY referral_delete ON "Referral" FOR DELETE USING (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));
CREATE POLICY contact_insert ON "Contact" FOR INSERT WITH CHECK (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));
CREATE POLICY contact_update ON "Contact" FOR UPDATE USING (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"))
  WITH CHECK (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));
CREATE POLICY contact_delete ON "Contact" FOR DELETE USING (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));
CREATE POLICY member_insert ON "ClientMember" FOR INSERT WITH CHECK (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));
CREATE POLICY member_update ON "ClientMember" FOR UPDATE USING (current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"))
  WITH CHECK (current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"));
CREATE POLICY member_delete ON "ClientMember" FOR DELETE USING (current_user <> 'vhd_app' OR app_is_own_draft("dossierId"));

-- ---------------------------------------------------------------- the dossier's state machine
--   DRAFT -> SUBMITTED                         the referrer, with the submission time
--   SUBMITTED -> NOT_ADMISSIBLE | REFERRED_TO_REGULAR_CARE | ATTACHED_TO_EXISTING_CARE | IN_TRAJECTORY
--                                              the coordinator of the holding safe house, with an
--                                              assessment of the same decision (checked at commit);
--                                              a trajectory only with all three criteria met (art. 5)
--   IN_TRAJECTORY -> CLOSED                    the coordinator, at a closing conference of the case;
--                                              beyond 15 years only with the extension approved there
-- Nothing else. Who referred, the reference and the holding safe house do not change (transfer
-- runs as the owner); decision and closure data change only with their transition.
-- SECURITY INVOKER on purpose: current_user tells the application role from the owner (and from
-- accept_dossier_transfer, which runs as the owner after its own check).
CREATE FUNCTION dossier_state_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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
    -- the referrer's own draft: the form's fields, and submitting it; nothing of a decision
    IF OLD."referrerUserId" IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'dossier: only the referrer edits a draft' USING ERRCODE = '42501';
    END IF;
    IF NEW."status" NOT IN ('DRAFT', 'SUBMITTED') OR (NEW."status" = 'SUBMITTED' AND NEW."submittedAt" IS NULL)
       OR (NEW."status" = 'DRAFT' AND (NEW."reference" IS DISTINCT FROM OLD."reference" OR NEW."submittedAt" IS NOT NULL))
       OR NEW."decidedAt" IS NOT NULL OR NEW."decisionReasons" IS NOT NULL OR NEW."inputRequestedAt" IS NOT NULL
       OR NEW."closedAt" IS NOT NULL OR NEW."retentionUntil" IS NOT NULL OR NEW."closingAgendaItemId" IS NOT NULL THEN
      RAISE EXCEPTION 'dossier: a draft is only edited or submitted by its referrer' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  -- after submission: only the coordinator of the holding safe house changes anything
  IF NOT v_coord THEN
    RAISE EXCEPTION 'dossier: only the coordinator changes a submitted dossier' USING ERRCODE = '42501';
  END IF;
  IF NEW."reference" IS DISTINCT FROM OLD."reference" OR NEW."safeHouseId" IS DISTINCT FROM OLD."safeHouseId"
     OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt" OR NEW."clientSystemLabel" IS DISTINCT FROM OLD."clientSystemLabel" THEN
    RAISE EXCEPTION 'dossier: the referral does not change after submission' USING ERRCODE = '42501';
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
    -- no transition: the decision and the closure stay as they were taken
    IF NEW."decidedAt" IS DISTINCT FROM OLD."decidedAt" OR NEW."decisionReasons" IS DISTINCT FROM OLD."decisionReasons"
       OR NEW."closedAt" IS DISTINCT FROM OLD."closedAt" OR NEW."retentionUntil" IS DISTINCT FROM OLD."retentionUntil"
       OR NEW."retentionYears" IS DISTINCT FROM OLD."retentionYears" OR NEW."retentionGround" IS DISTINCT FROM OLD."retentionGround"
       OR NEW."closingAgendaItemId" IS DISTINCT FROM OLD."closingAgendaItemId" OR NEW."inputRequestedAt" IS DISTINCT FROM OLD."inputRequestedAt" THEN
      RAISE EXCEPTION 'dossier: a decision or closure is not rewritten' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER dossier_state_guard BEFORE UPDATE ON "Dossier" FOR EACH ROW EXECUTE FUNCTION dossier_state_guard();

-- At commit: a decided dossier has the coordinator's assessment of that same decision, and a
-- trajectory only with all three criteria met (art. 5).
CREATE FUNCTION dossier_decision_has_assessment() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF session_user <> 'vhd_app' THEN RETURN NULL; END IF;
  IF OLD."status" = 'SUBMITTED' AND NEW."status" <> 'SUBMITTED' AND NOT EXISTS (
       SELECT 1 FROM "AdmissionAssessment" a
        WHERE a."dossierId" = NEW."id"
          AND a."decision"::text = CASE NEW."status" WHEN 'IN_TRAJECTORY' THEN 'START_TRAJECTORY' WHEN 'NOT_ADMISSIBLE' THEN 'NOT_ADMISSIBLE'
                                   WHEN 'REFERRED_TO_REGULAR_CARE' THEN 'REFER_TO_REGULAR_CARE' ELSE 'ATTACH_TO_EXISTING_CARE' END
          AND (NEW."status" <> 'IN_TRAJECTORY' OR (a."criterion1Met" AND a."criterion2Met" AND a."criterion3Met"))) THEN
    RAISE EXCEPTION 'dossier: the decision needs the assessment that supports it (art. 5)' USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER dossier_decision_has_assessment AFTER UPDATE OF "status" ON "Dossier"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dossier_decision_has_assessment();
