-- Consensus of ALL participants (art. 14 §2, art. 15 §3), frozen when a proposal is made.
--
-- Who must agree is fixed at the moment of the proposal: every participant of the case then
-- (accepted, secrecy acknowledged, not left) and the coordinator who chairs the conference
-- session the proposal is made at (ADR 0014). Leaving or being removed never turns a proposal
-- into an approval: a voter who can no longer vote makes the proposal unreachable; it can only be
-- withdrawn and proposed again. Information can only be part of a proposal when the organisation
-- that brought it in is among the voters. The database checks every status change.

CREATE TYPE "VoterCapacity" AS ENUM ('PARTICIPANT', 'CHAIR');

-- the session (agenda item of this case) a proposal is made at; its creator chairs
CREATE UNIQUE INDEX "AgendaItem_id_dossierId_key" ON "AgendaItem"("id", "dossierId");
ALTER TABLE "DisclosureProposal" ADD COLUMN "agendaItemId" UUID,
  ADD CONSTRAINT "DisclosureProposal_agenda_fkey" FOREIGN KEY ("agendaItemId", "dossierId") REFERENCES "AgendaItem"("id", "dossierId");
ALTER TABLE "RetentionExtension" ADD COLUMN "agendaItemId" UUID,
  ADD CONSTRAINT "RetentionExtension_agenda_fkey" FOREIGN KEY ("agendaItemId", "dossierId") REFERENCES "AgendaItem"("id", "dossierId");
CREATE INDEX "DisclosureProposal_agendaItemId_idx" ON "DisclosureProposal"("agendaItemId");
CREATE INDEX "RetentionExtension_agendaItemId_idx" ON "RetentionExtension"("agendaItemId");

CREATE TABLE "DisclosureVoter" (
  "proposalId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "capacity" "VoterCapacity" NOT NULL,
  CONSTRAINT "DisclosureVoter_pkey" PRIMARY KEY ("proposalId", "userId"),
  CONSTRAINT "DisclosureVoter_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "DisclosureProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureVoter_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "DisclosureVoter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "DisclosureVoter_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "DisclosureVoter_dossierId_idx" ON "DisclosureVoter"("dossierId");
CREATE INDEX "DisclosureVoter_safeHouseId_idx" ON "DisclosureVoter"("safeHouseId");
CREATE INDEX "DisclosureVoter_userId_idx" ON "DisclosureVoter"("userId");

CREATE TABLE "RetentionVoter" (
  "extensionId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "capacity" "VoterCapacity" NOT NULL,
  CONSTRAINT "RetentionVoter_pkey" PRIMARY KEY ("extensionId", "userId"),
  CONSTRAINT "RetentionVoter_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "RetentionExtension"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "RetentionVoter_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "RetentionVoter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "RetentionVoter_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "RetentionVoter_dossierId_idx" ON "RetentionVoter"("dossierId");
CREATE INDEX "RetentionVoter_safeHouseId_idx" ON "RetentionVoter"("safeHouseId");
CREATE INDEX "RetentionVoter_userId_idx" ON "RetentionVoter"("userId");

-- read by the case team like every conference table; inserted once, never changed
SELECT app_apply_case_team_rls(t, 'SELECT, INSERT') FROM unnest(ARRAY['DisclosureVoter', 'RetentionVoter']) AS t;
-- a closed dossier stays read-only for these tables too
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "DisclosureVoter" FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "RetentionVoter" FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();

-- ---------------------------------------------------------------- the rules, generic for both kinds
-- p_kind: 'disclosure' or 'retention'. Every function below applies to the application role
-- only (current_user = 'vhd_app'); the owner (migrations, purge, transfer) is not restricted.

-- Is this voter still able to vote? A participant: still accepted, acknowledged, not left. The
-- chair: still coordinator (or representative) of the safe house holding the case.
CREATE FUNCTION consensus_voter_eligible(p_capacity "VoterCapacity", p_dossier uuid, p_house uuid, p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE WHEN p_capacity = 'CHAIR' THEN EXISTS (
           SELECT 1 FROM "RoleAssignment" r JOIN "User" u ON u."id" = r."userId"
            WHERE r."userId" = p_user AND u."active" AND r."role" IN ('COORDINATOR', 'COORDINATOR_REPRESENTATIVE') AND r."safeHouseId" = p_house)
         ELSE EXISTS (
           SELECT 1 FROM "CaseParticipant" p
            WHERE p."dossierId" = p_dossier AND p."userId" = p_user AND p."acceptedAt" IS NOT NULL
              AND p."secrecyAcknowledgedAt" IS NOT NULL AND p."leftAt" IS NULL) END $$;
GRANT EXECUTE ON FUNCTION consensus_voter_eligible("VoterCapacity", uuid, uuid, uuid) TO vhd_app;

-- The chair of the session an agenda item belongs to: its creator, while coordinator of the house.
CREATE FUNCTION consensus_chair(p_agenda uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s."createdByUserId" FROM "AgendaItem" a JOIN "ConferenceSession" s ON s."id" = a."sessionId"
   WHERE a."id" = p_agenda AND consensus_voter_eligible('CHAIR', a."dossierId", a."safeHouseId", s."createdByUserId") $$;
GRANT EXECUTE ON FUNCTION consensus_chair(uuid) TO vhd_app;

-- Counts of one proposal: voters, agreeing voters, objecting voters.
CREATE FUNCTION consensus_tally(p_kind text, p_id uuid, OUT voters integer, OUT agreed integer, OUT objected integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_kind = 'disclosure' THEN
    SELECT count(*), count(*) FILTER (WHERE v."vote" = 'AGREE'), count(*) FILTER (WHERE v."vote" = 'OBJECT')
      INTO voters, agreed, objected
      FROM "DisclosureVoter" w LEFT JOIN "DisclosureVote" v ON v."proposalId" = w."proposalId" AND v."userId" = w."userId"
     WHERE w."proposalId" = p_id;
  ELSE
    SELECT count(*), count(*) FILTER (WHERE v."vote" = 'AGREE'), count(*) FILTER (WHERE v."vote" = 'OBJECT')
      INTO voters, agreed, objected
      FROM "RetentionVoter" w LEFT JOIN "RetentionVote" v ON v."extensionId" = w."extensionId" AND v."userId" = w."userId"
     WHERE w."extensionId" = p_id;
  END IF;
END $$;

-- A proposal is made OPEN, by the actor, and is tied to a session of this case.
CREATE FUNCTION consensus_proposal_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'vhd_app' THEN RETURN NEW; END IF;
  IF NEW."status"::text <> 'OPEN' OR NEW."decidedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'consensus: a proposal starts open' USING ERRCODE = '42501';
  END IF;
  IF NEW."proposedByUserId" IS DISTINCT FROM app_user_id() THEN
    RAISE EXCEPTION 'consensus: a proposal is made by the actor' USING ERRCODE = '42501';
  END IF;
  IF NEW."agendaItemId" IS NULL THEN
    RAISE EXCEPTION 'consensus: a proposal is made at a session of the case' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consensus_insert_guard BEFORE INSERT ON "DisclosureProposal" FOR EACH ROW EXECUTE FUNCTION consensus_proposal_insert_guard();
CREATE TRIGGER consensus_insert_guard BEFORE INSERT ON "RetentionExtension" FOR EACH ROW EXECUTE FUNCTION consensus_proposal_insert_guard();

-- At commit: the frozen set is complete — every current participant of the case and the chair.
CREATE FUNCTION consensus_voters_complete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_missing integer;
  v_chairs integer;
  v_chair uuid;
BEGIN
  IF session_user <> 'vhd_app' THEN RETURN NULL; END IF;
  v_chair := consensus_chair(NEW."agendaItemId");
  IF TG_TABLE_NAME = 'DisclosureProposal' THEN
    SELECT count(*) FILTER (WHERE "capacity" = 'CHAIR' AND "userId" = v_chair) INTO v_chairs FROM "DisclosureVoter" WHERE "proposalId" = NEW."id";
    SELECT count(*) INTO v_missing FROM "CaseParticipant" p
     WHERE p."dossierId" = NEW."dossierId" AND p."acceptedAt" IS NOT NULL AND p."secrecyAcknowledgedAt" IS NOT NULL AND p."leftAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "DisclosureVoter" w WHERE w."proposalId" = NEW."id" AND w."userId" = p."userId");
    IF NOT EXISTS (SELECT 1 FROM "DisclosureItem" i WHERE i."proposalId" = NEW."id") THEN
      RAISE EXCEPTION 'consensus: a disclosure names exactly which information' USING ERRCODE = '23514';
    END IF;
  ELSE
    SELECT count(*) FILTER (WHERE "capacity" = 'CHAIR' AND "userId" = v_chair) INTO v_chairs FROM "RetentionVoter" WHERE "extensionId" = NEW."id";
    SELECT count(*) INTO v_missing FROM "CaseParticipant" p
     WHERE p."dossierId" = NEW."dossierId" AND p."acceptedAt" IS NOT NULL AND p."secrecyAcknowledgedAt" IS NOT NULL AND p."leftAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "RetentionVoter" w WHERE w."extensionId" = NEW."id" AND w."userId" = p."userId");
  END IF;
  IF v_chair IS NULL OR v_chairs <> 1 OR v_missing > 0 THEN
    RAISE EXCEPTION 'consensus: every participant and the chair must be among the voters (art. 14 §2)' USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER consensus_voters_complete AFTER INSERT ON "DisclosureProposal"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION consensus_voters_complete();
CREATE CONSTRAINT TRIGGER consensus_voters_complete AFTER INSERT ON "RetentionExtension"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION consensus_voters_complete();

-- A voter row: only by the proposer, while nobody voted yet, and only someone who may vote now.
CREATE FUNCTION consensus_voter_insert_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_proposer uuid;
  v_agenda uuid;
  v_votes integer;
BEGIN
  IF session_user <> 'vhd_app' THEN RETURN NEW; END IF;
  IF TG_TABLE_NAME = 'DisclosureVoter' THEN
    SELECT "proposedByUserId", "agendaItemId" INTO v_proposer, v_agenda FROM "DisclosureProposal" WHERE "id" = NEW."proposalId" AND "dossierId" = NEW."dossierId";
    SELECT count(*) INTO v_votes FROM "DisclosureVote" WHERE "proposalId" = NEW."proposalId";
  ELSE
    SELECT "proposedByUserId", "agendaItemId" INTO v_proposer, v_agenda FROM "RetentionExtension" WHERE "id" = NEW."extensionId" AND "dossierId" = NEW."dossierId";
    SELECT count(*) INTO v_votes FROM "RetentionVote" WHERE "extensionId" = NEW."extensionId";
  END IF;
  IF v_proposer IS DISTINCT FROM app_user_id() OR v_votes > 0 THEN
    RAISE EXCEPTION 'consensus: the voters are fixed when the proposal is made' USING ERRCODE = '42501';
  END IF;
  IF NOT consensus_voter_eligible(NEW."capacity", NEW."dossierId", NEW."safeHouseId", NEW."userId")
     OR (NEW."capacity" = 'CHAIR' AND NEW."userId" IS DISTINCT FROM consensus_chair(v_agenda))
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = NEW."userId" AND u."organisationId" = NEW."organisationId") THEN
    RAISE EXCEPTION 'consensus: not a participant or the chair of this case' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consensus_voter_guard BEFORE INSERT ON "DisclosureVoter" FOR EACH ROW EXECUTE FUNCTION consensus_voter_insert_guard();
CREATE TRIGGER consensus_voter_guard BEFORE INSERT ON "RetentionVoter" FOR EACH ROW EXECUTE FUNCTION consensus_voter_insert_guard();

-- An item can be part of a disclosure only when its organisation is among the voters; only into
-- one's own open proposal on which nobody voted yet, and only an item of the same case.
CREATE FUNCTION disclosure_item_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  p "DisclosureProposal"%ROWTYPE;
BEGIN
  IF session_user <> 'vhd_app' THEN RETURN NEW; END IF;
  SELECT * INTO p FROM "DisclosureProposal" WHERE "id" = NEW."proposalId";
  IF NOT FOUND OR p."proposedByUserId" IS DISTINCT FROM app_user_id() OR p."status" <> 'OPEN' OR p."dossierId" <> NEW."dossierId"
     OR EXISTS (SELECT 1 FROM "DisclosureVote" v WHERE v."proposalId" = p."id") THEN
    RAISE EXCEPTION 'disclosure: items are fixed when the proposal is made' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "InformationItem" i JOIN "DisclosureVoter" w ON w."proposalId" = p."id" AND w."organisationId" = i."organisationId"
                  WHERE i."id" = NEW."informationItemId" AND i."dossierId" = p."dossierId") THEN
    RAISE EXCEPTION 'disclosure: the organisation that brought this information in must agree (art. 14 §2)' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER disclosure_item_guard BEFORE INSERT ON "DisclosureItem" FOR EACH ROW EXECUTE FUNCTION disclosure_item_guard();

-- A vote: the actor's own, as a frozen voter who may still vote, on an open proposal.
CREATE FUNCTION consensus_vote_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_capacity "VoterCapacity";
  v_house uuid;
  v_status text;
  v_id uuid;
BEGIN
  IF session_user <> 'vhd_app' THEN RETURN NEW; END IF;
  IF TG_TABLE_NAME = 'DisclosureVote' THEN
    v_id := NEW."proposalId";
    SELECT "status"::text INTO v_status FROM "DisclosureProposal" WHERE "id" = v_id;
    SELECT "capacity", "safeHouseId" INTO v_capacity, v_house FROM "DisclosureVoter" WHERE "proposalId" = v_id AND "userId" = NEW."userId";
  ELSE
    v_id := NEW."extensionId";
    SELECT "status"::text INTO v_status FROM "RetentionExtension" WHERE "id" = v_id;
    SELECT "capacity", "safeHouseId" INTO v_capacity, v_house FROM "RetentionVoter" WHERE "extensionId" = v_id AND "userId" = NEW."userId";
  END IF;
  IF NEW."userId" IS DISTINCT FROM app_user_id() OR v_capacity IS NULL
     OR NOT consensus_voter_eligible(v_capacity, NEW."dossierId", v_house, NEW."userId") THEN
    RAISE EXCEPTION 'consensus: only a voter of this proposal votes, for themself' USING ERRCODE = '42501';
  END IF;
  IF v_status IS DISTINCT FROM 'OPEN' THEN
    RAISE EXCEPTION 'consensus: the proposal is no longer open' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consensus_vote_guard BEFORE INSERT ON "DisclosureVote" FOR EACH ROW EXECUTE FUNCTION consensus_vote_guard();
CREATE TRIGGER consensus_vote_guard BEFORE INSERT ON "RetentionVote" FOR EACH ROW EXECUTE FUNCTION consensus_vote_guard();
-- nobody changes or deletes a vote, a voter or a disclosed item
REVOKE UPDATE, DELETE ON "DisclosureVote", "RetentionVote", "DisclosureItem" FROM vhd_app;

-- The state machine of a proposal. Nothing but the status (with its time) changes after the
-- proposal is made, and only along these transitions:
--   OPEN -> APPROVED   every frozen voter agreed
--   OPEN -> BLOCKED    a frozen voter objected
--   APPROVED -> SHARED by the participant named as the one who shares (disclosures)
--   OPEN|APPROVED -> WITHDRAWN  by the proposer or the coordinator
CREATE FUNCTION consensus_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  v_kind text := CASE WHEN TG_TABLE_NAME = 'DisclosureProposal' THEN 'disclosure' ELSE 'retention' END;
BEGIN
  IF current_user <> 'vhd_app' THEN RETURN NEW; END IF;
  IF (to_jsonb(OLD) - 'status' - 'decidedAt' - 'sharedAt') IS DISTINCT FROM (to_jsonb(NEW) - 'status' - 'decidedAt' - 'sharedAt') THEN
    RAISE EXCEPTION 'consensus: a proposal cannot be changed after it was made' USING ERRCODE = '42501';
  END IF;
  IF NEW."status" = OLD."status" THEN
    IF (to_jsonb(OLD) -> 'decidedAt') IS DISTINCT FROM (to_jsonb(NEW) -> 'decidedAt')
       OR (to_jsonb(OLD) -> 'sharedAt') IS DISTINCT FROM (to_jsonb(NEW) -> 'sharedAt') THEN
      RAISE EXCEPTION 'consensus: a decision time changes only with its status' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  t := consensus_tally(v_kind, NEW."id");
  IF OLD."status"::text = 'OPEN' AND NEW."status"::text = 'APPROVED' THEN
    IF t.voters = 0 OR t.agreed <> t.voters THEN
      RAISE EXCEPTION 'consensus: not every voter agreed (art. 14 §2)' USING ERRCODE = '42501';
    END IF;
  ELSIF OLD."status"::text = 'OPEN' AND NEW."status"::text = 'BLOCKED' THEN
    IF t.objected = 0 THEN
      RAISE EXCEPTION 'consensus: blocked only by an objection' USING ERRCODE = '42501';
    END IF;
  ELSIF v_kind = 'disclosure' AND OLD."status"::text = 'APPROVED' AND NEW."status"::text = 'SHARED' THEN
    IF (to_jsonb(NEW) ->> 'sharerUserId')::uuid IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'disclosure: only the named participant shares' USING ERRCODE = '42501';
    END IF;
  ELSIF OLD."status"::text IN ('OPEN', 'APPROVED') AND NEW."status"::text = 'WITHDRAWN' THEN
    IF NOT (NEW."proposedByUserId" = app_user_id() OR NEW."safeHouseId" = ANY (app_uuids('app.coordinator_houses'))) THEN
      RAISE EXCEPTION 'consensus: only the proposer or the coordinator withdraws' USING ERRCODE = '42501';
    END IF;
  ELSE
    RAISE EXCEPTION 'consensus: % -> % is not allowed', OLD."status", NEW."status" USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consensus_status_guard BEFORE UPDATE ON "DisclosureProposal" FOR EACH ROW EXECUTE FUNCTION consensus_status_guard();
CREATE TRIGGER consensus_status_guard BEFORE UPDATE ON "RetentionExtension" FOR EACH ROW EXECUTE FUNCTION consensus_status_guard();
REVOKE DELETE ON "DisclosureProposal" FROM vhd_app;
