-- Case conference (art. 9, 12, 13), per-case participants and secrecy (art. 14 §1), action plan,
-- feedback by standing delegates (art. 12), consensus-gated disclosure (art. 14 §2).

CREATE TYPE "InvitationStatus" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');
CREATE TYPE "DisclosureKind" AS ENUM ('CLIENT_MEMBER', 'REPORTING_DUTY');
CREATE TYPE "DisclosureGround" AS ENUM ('SAFETY', 'ACTION_PLAN_GOAL');
CREATE TYPE "DisclosureStatus" AS ENUM ('OPEN', 'APPROVED', 'BLOCKED', 'SHARED', 'WITHDRAWN');
CREATE TYPE "VoteChoice" AS ENUM ('AGREE', 'OBJECT');

-- ---------------------------------------------------------------- sessions and agenda
CREATE TABLE "ConferenceSession" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "safeHouseId" UUID NOT NULL,
  "startsAt" TIMESTAMPTZ(6) NOT NULL,
  "endsAt" TIMESTAMPTZ(6) NOT NULL,
  "location" TEXT NOT NULL,
  "createdByUserId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ConferenceSession_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ConferenceSession_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ConferenceSession_period" CHECK ("endsAt" > "startsAt")
);
CREATE INDEX "ConferenceSession_safeHouseId_startsAt_idx" ON "ConferenceSession"("safeHouseId", "startsAt");

CREATE TABLE "AgendaItem" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "sessionId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "position" INTEGER NOT NULL DEFAULT 0,
  "minutes" TEXT NOT NULL DEFAULT '',
  "minutesUpdatedAt" TIMESTAMPTZ(6),
  CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AgendaItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ConferenceSession"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "AgendaItem_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "AgendaItem_sessionId_dossierId_key" ON "AgendaItem"("sessionId", "dossierId");
CREATE INDEX "AgendaItem_dossierId_idx" ON "AgendaItem"("dossierId");
CREATE INDEX "AgendaItem_safeHouseId_idx" ON "AgendaItem"("safeHouseId");
COMMENT ON COLUMN "AgendaItem"."minutes" IS 'art15:11';

-- ---------------------------------------------------------------- invitations (art. 12)
CREATE TABLE "CaseInvitation" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "sessionId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "addresseeUserId" UUID NOT NULL,
  "reason" "InvitationReason" NOT NULL,
  "reasonNote" TEXT NOT NULL DEFAULT '',
  "status" "InvitationStatus" NOT NULL DEFAULT 'INVITED',
  "invitedByUserId" UUID NOT NULL,
  "invitedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "respondedAt" TIMESTAMPTZ(6),
  "declineNote" TEXT,
  "attendeeUserId" UUID,
  "attendance" "Attendance",
  "mailSentAt" TIMESTAMPTZ(6),
  CONSTRAINT "CaseInvitation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "CaseInvitation_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "CaseInvitation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ConferenceSession"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "CaseInvitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "CaseInvitation_addresseeUserId_fkey" FOREIGN KEY ("addresseeUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "CaseInvitation_attendeeUserId_fkey" FOREIGN KEY ("attendeeUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "CaseInvitation_accepted_has_attendee" CHECK ("status" <> 'ACCEPTED' OR ("attendeeUserId" IS NOT NULL AND "attendance" IS NOT NULL))
);
CREATE UNIQUE INDEX "CaseInvitation_dossierId_organisationId_sessionId_key" ON "CaseInvitation"("dossierId", "organisationId", "sessionId");
CREATE INDEX "CaseInvitation_addresseeUserId_idx" ON "CaseInvitation"("addresseeUserId");
CREATE INDEX "CaseInvitation_safeHouseId_idx" ON "CaseInvitation"("safeHouseId");
CREATE INDEX "CaseInvitation_sessionId_idx" ON "CaseInvitation"("sessionId");

ALTER TABLE "CaseParticipant" ADD COLUMN "identityReason" TEXT;
ALTER TABLE "CaseParticipant" ADD COLUMN "invitationId" UUID;
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_invitationId_fkey"
  FOREIGN KEY ("invitationId") REFERENCES "CaseInvitation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------- information brought in (art. 13 §2)
CREATE TABLE "InformationItem" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "agendaItemId" UUID,
  "organisationId" UUID NOT NULL,
  "authorUserId" UUID NOT NULL,
  "category" INTEGER NOT NULL,
  "concernsMemberId" UUID,
  "content" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "InformationItem_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "InformationItem_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "InformationItem_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "InformationItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "InformationItem_concernsMemberId_fkey" FOREIGN KEY ("concernsMemberId") REFERENCES "ClientMember"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "InformationItem_category_art15" CHECK ("category" BETWEEN 1 AND 14)
);
CREATE INDEX "InformationItem_dossierId_idx" ON "InformationItem"("dossierId");
CREATE INDEX "InformationItem_safeHouseId_idx" ON "InformationItem"("safeHouseId");
COMMENT ON COLUMN "InformationItem"."category" IS 'art15:row';
COMMENT ON COLUMN "InformationItem"."content" IS 'art15:row';
COMMENT ON COLUMN "InformationItem"."concernsMemberId" IS 'art15:1';

CREATE TABLE "ConferenceDecision" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "agendaItemId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "text" TEXT NOT NULL,
  "recordedByUserId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ConferenceDecision_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ConferenceDecision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ConferenceDecision_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ConferenceDecision_dossierId_idx" ON "ConferenceDecision"("dossierId");
CREATE INDEX "ConferenceDecision_safeHouseId_idx" ON "ConferenceDecision"("safeHouseId");
COMMENT ON COLUMN "ConferenceDecision"."text" IS 'art15:11';

-- ---------------------------------------------------------------- action plan
CREATE TABLE "Goal" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "title" TEXT NOT NULL,
  "createdByUserId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Goal_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Goal_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Goal_dossierId_idx" ON "Goal"("dossierId");
CREATE INDEX "Goal_safeHouseId_idx" ON "Goal"("safeHouseId");
COMMENT ON COLUMN "Goal"."title" IS 'art15:11';

CREATE TABLE "PlanAction" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "goalId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "description" TEXT NOT NULL,
  "ownerOrganisationId" UUID NOT NULL,
  "dueDate" DATE,
  "done" BOOLEAN NOT NULL DEFAULT false,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PlanAction_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PlanAction_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PlanAction_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PlanAction_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "PlanAction_dossierId_idx" ON "PlanAction"("dossierId");
CREATE INDEX "PlanAction_safeHouseId_idx" ON "PlanAction"("safeHouseId");
COMMENT ON COLUMN "PlanAction"."description" IS 'art15:11';

-- ---------------------------------------------------------------- feedback by a standing delegate (art. 12, 4th para)
CREATE TABLE "FeedbackRecord" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "delegateUserId" UUID NOT NULL,
  "caseWorkerUserId" UUID NOT NULL,
  "givenAt" TIMESTAMPTZ(6) NOT NULL,
  "note" TEXT NOT NULL DEFAULT '',
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "FeedbackRecord_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "FeedbackRecord_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "FeedbackRecord_delegateUserId_fkey" FOREIGN KEY ("delegateUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "FeedbackRecord_caseWorkerUserId_fkey" FOREIGN KEY ("caseWorkerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "FeedbackRecord_dossierId_idx" ON "FeedbackRecord"("dossierId");
CREATE INDEX "FeedbackRecord_safeHouseId_idx" ON "FeedbackRecord"("safeHouseId");
COMMENT ON COLUMN "FeedbackRecord"."note" IS 'art15:11';

-- ---------------------------------------------------------------- consensus-gated disclosure (art. 14 §2)
CREATE TABLE "DisclosureProposal" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "kind" "DisclosureKind" NOT NULL,
  "proposedByUserId" UUID NOT NULL,
  "memberId" UUID,
  "sharerUserId" UUID NOT NULL,
  "ground" "DisclosureGround" NOT NULL,
  "goalId" UUID,
  "necessity" TEXT NOT NULL,
  "recipient" TEXT,
  "status" "DisclosureStatus" NOT NULL DEFAULT 'OPEN',
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "decidedAt" TIMESTAMPTZ(6),
  "sharedAt" TIMESTAMPTZ(6),
  CONSTRAINT "DisclosureProposal_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DisclosureProposal_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureProposal_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "ClientMember"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureProposal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "DisclosureProposal_sharerUserId_fkey" FOREIGN KEY ("sharerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- art. 14 §2, 1st para: to one member of the client system; 2nd para: under a reporting duty, to a principal
  CONSTRAINT "DisclosureProposal_target" CHECK (
    ("kind" = 'CLIENT_MEMBER' AND "memberId" IS NOT NULL) OR ("kind" = 'REPORTING_DUTY' AND "recipient" IS NOT NULL)),
  CONSTRAINT "DisclosureProposal_goal_ground" CHECK ("ground" <> 'ACTION_PLAN_GOAL' OR "goalId" IS NOT NULL),
  CONSTRAINT "DisclosureProposal_shared_only_when_approved" CHECK ("sharedAt" IS NULL OR "status" = 'SHARED')
);
CREATE INDEX "DisclosureProposal_dossierId_idx" ON "DisclosureProposal"("dossierId");
CREATE INDEX "DisclosureProposal_safeHouseId_idx" ON "DisclosureProposal"("safeHouseId");
COMMENT ON COLUMN "DisclosureProposal"."necessity" IS 'art15:11';

CREATE TABLE "DisclosureItem" (
  "proposalId" UUID NOT NULL,
  "informationItemId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  CONSTRAINT "DisclosureItem_pkey" PRIMARY KEY ("proposalId", "informationItemId"),
  CONSTRAINT "DisclosureItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "DisclosureProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureItem_informationItemId_fkey" FOREIGN KEY ("informationItemId") REFERENCES "InformationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureItem_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "DisclosureItem_dossierId_idx" ON "DisclosureItem"("dossierId");
CREATE INDEX "DisclosureItem_safeHouseId_idx" ON "DisclosureItem"("safeHouseId");

CREATE TABLE "DisclosureVote" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "proposalId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "vote" "VoteChoice" NOT NULL,
  "votedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "DisclosureVote_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DisclosureVote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "DisclosureProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureVote_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "DisclosureVote_proposalId_userId_key" ON "DisclosureVote"("proposalId", "userId");
CREATE INDEX "DisclosureVote_dossierId_idx" ON "DisclosureVote"("dossierId");
CREATE INDEX "DisclosureVote_safeHouseId_idx" ON "DisclosureVote"("safeHouseId");

-- ---------------------------------------------------------------- row-level security
-- Conference content: the coordinator of the holding safe house, and the participants of THAT
-- case (accepted, secrecy acknowledged, not left: app.participant_dossiers). A participant of
-- case A sees nothing of case B on the same agenda. One function applies this to a table, so
-- every case-team table (here and in later migrations) gets exactly the same rule.
CREATE FUNCTION app_apply_case_team_rls(p_table text, p_grants text) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format($p$CREATE POLICY case_team ON %I FOR ALL
    USING (current_user <> 'vhd_app'
           OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
           OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]))
    WITH CHECK (current_user <> 'vhd_app'
           OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
           OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]))$p$, p_table);
  EXECUTE format('GRANT %s ON %I TO vhd_app', p_grants, p_table);
END $fn$;
REVOKE ALL ON FUNCTION app_apply_case_team_rls(text, text) FROM PUBLIC;

SELECT app_apply_case_team_rls(t, 'SELECT, INSERT, UPDATE, DELETE')
  FROM unnest(ARRAY['AgendaItem', 'InformationItem', 'ConferenceDecision', 'Goal', 'PlanAction',
                    'FeedbackRecord', 'DisclosureProposal', 'DisclosureItem', 'DisclosureVote']) AS t;

-- A vote is cast by the voter only.
CREATE POLICY vote_own ON "DisclosureVote" AS RESTRICTIVE FOR INSERT
  WITH CHECK (current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));

-- Invitations: the coordinator, and the addressee (before they have any access to the case).
ALTER TABLE "CaseInvitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CaseInvitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY invitation_select ON "CaseInvitation" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "addresseeUserId" = (SELECT app_user_id())
  OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]));
CREATE POLICY invitation_insert ON "CaseInvitation" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY invitation_update ON "CaseInvitation" FOR UPDATE
  USING (current_user <> 'vhd_app'
         OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
         OR "addresseeUserId" = (SELECT app_user_id()))
  WITH CHECK (current_user <> 'vhd_app'
         OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
         OR "addresseeUserId" = (SELECT app_user_id()));
GRANT SELECT, INSERT, UPDATE ON "CaseInvitation" TO vhd_app;

-- Sessions: the coordinator; an addressee of an invitation to it; a participant of a case on it.
ALTER TABLE "ConferenceSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConferenceSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY session_select ON "ConferenceSession" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR EXISTS (SELECT 1 FROM "CaseInvitation" i WHERE i."sessionId" = "ConferenceSession"."id")
  OR EXISTS (SELECT 1 FROM "AgendaItem" a WHERE a."sessionId" = "ConferenceSession"."id"));
CREATE POLICY session_write ON "ConferenceSession" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY session_update ON "ConferenceSession" FOR UPDATE
  USING (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
GRANT SELECT, INSERT, UPDATE ON "ConferenceSession" TO vhd_app;

-- Participants: besides the coordinator and the participant themself (acknowledging the
-- secrecy, leaving), the addressee of an accepted invitation registers the attendee their
-- organisation names (case worker or standing delegate).
DROP POLICY participant_write ON "CaseParticipant";
DROP POLICY participant_select ON "CaseParticipant";
CREATE POLICY participant_select ON "CaseParticipant" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "userId" = (SELECT app_user_id())
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])
  OR EXISTS (SELECT 1 FROM "CaseInvitation" i WHERE i."id" = "invitationId" AND i."addresseeUserId" = (SELECT app_user_id())));
CREATE POLICY participant_insert ON "CaseParticipant" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR EXISTS (SELECT 1 FROM "CaseInvitation" i
              WHERE i."id" = "invitationId" AND i."addresseeUserId" = (SELECT app_user_id()) AND i."status" = 'ACCEPTED'
                AND i."dossierId" = "CaseParticipant"."dossierId" AND i."organisationId" = "CaseParticipant"."organisationId"
                AND i."attendeeUserId" = "CaseParticipant"."userId"));
CREATE POLICY participant_update ON "CaseParticipant" FOR UPDATE
  USING (current_user <> 'vhd_app'
         OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
         OR "userId" = (SELECT app_user_id())
         OR EXISTS (SELECT 1 FROM "CaseInvitation" i WHERE i."id" = "invitationId" AND i."addresseeUserId" = (SELECT app_user_id())))
  WITH CHECK (current_user <> 'vhd_app'
         OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
         OR "userId" = (SELECT app_user_id())
         OR EXISTS (SELECT 1 FROM "CaseInvitation" i WHERE i."id" = "invitationId" AND i."addresseeUserId" = (SELECT app_user_id())
                      AND i."attendeeUserId" = "CaseParticipant"."userId"));
CREATE POLICY participant_delete ON "CaseParticipant" FOR DELETE USING (
  current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));

-- Row-level security cannot compare old and new values: this trigger keeps who, where and
-- which case fixed, and leaves identity visibility and the case director to the coordinator.
CREATE FUNCTION case_participant_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'vhd_app' THEN RETURN NEW; END IF;
  IF NEW."dossierId" <> OLD."dossierId" OR NEW."userId" <> OLD."userId" OR NEW."organisationId" <> OLD."organisationId"
     OR NEW."safeHouseId" <> OLD."safeHouseId" THEN
    RAISE EXCEPTION 'case participant: dossier, user, organisation and safe house cannot change' USING ERRCODE = '42501';
  END IF;
  IF (NEW."showIdentity" IS DISTINCT FROM OLD."showIdentity" OR NEW."isCaseDirector" IS DISTINCT FROM OLD."isCaseDirector"
      OR NEW."identityReason" IS DISTINCT FROM OLD."identityReason" OR NEW."reason" IS DISTINCT FROM OLD."reason")
     AND NOT (NEW."safeHouseId" = ANY (app_uuids('app.coordinator_houses'))) THEN
    RAISE EXCEPTION 'case participant: only the coordinator decides this' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_participant_guard BEFORE UPDATE ON "CaseParticipant"
  FOR EACH ROW EXECUTE FUNCTION case_participant_guard();

-- Live updates: committed changes notify listeners (lib/realtime); payload carries ids only.
CREATE FUNCTION notify_case_event(p_dossier uuid, p_kind text, p_object uuid) RETURNS void
LANGUAGE sql AS $$ SELECT pg_notify('vhd_case_events', json_build_object('dossierId', p_dossier, 'kind', p_kind, 'objectId', p_object)::text) $$;
GRANT EXECUTE ON FUNCTION notify_case_event(uuid, text, uuid) TO vhd_app;
