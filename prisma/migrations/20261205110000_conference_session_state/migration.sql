-- Information is shared DURING a case conference (art. 13, art. 15 §1 third para 1°; ADR 0033).
--
-- A session moves PLANNED -> OPEN -> CLOSED, only forward, opened and closed by the coordinator
-- of its safe house. While a session with a case on its agenda is OPEN, the participants of that
-- case bring in information (tied to that session's agenda item) and vote; not before, not after.
-- Before a session a participant prepares private notes only they can read (PreparationNote).
-- An action of the plan records the session it was agreed at (PlanAction.agendaItemId).

-- ---------------------------------------------------------------- the session's state
CREATE TYPE "SessionState" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

ALTER TABLE "ConferenceSession"
  ADD COLUMN "state" "SessionState" NOT NULL DEFAULT 'PLANNED',
  ADD COLUMN "openedAt" TIMESTAMPTZ(6),
  ADD COLUMN "openedByUserId" UUID,
  ADD COLUMN "closedAt" TIMESTAMPTZ(6),
  ADD COLUMN "closedByUserId" UUID,
  ADD CONSTRAINT "ConferenceSession_openedByUserId_fkey" FOREIGN KEY ("openedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "ConferenceSession_closedByUserId_fkey" FOREIGN KEY ("closedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "ConferenceSession_openedByUserId_idx" ON "ConferenceSession"("openedByUserId");
CREATE INDEX "ConferenceSession_closedByUserId_idx" ON "ConferenceSession"("closedByUserId");
CREATE INDEX "ConferenceSession_state_idx" ON "ConferenceSession"("state");

-- sessions that already ended took place: they count as opened at their start and closed at their end
UPDATE "ConferenceSession"
   SET "state" = 'CLOSED', "openedAt" = "startsAt", "openedByUserId" = "createdByUserId",
       "closedAt" = "endsAt", "closedByUserId" = "createdByUserId"
 WHERE "endsAt" < CURRENT_TIMESTAMP;

-- each state carries exactly its own who and when
ALTER TABLE "ConferenceSession" ADD CONSTRAINT "ConferenceSession_state_stamps" CHECK (
  ("state" = 'PLANNED' AND "openedAt" IS NULL AND "openedByUserId" IS NULL AND "closedAt" IS NULL AND "closedByUserId" IS NULL)
  OR ("state" = 'OPEN' AND "openedAt" IS NOT NULL AND "openedByUserId" IS NOT NULL AND "closedAt" IS NULL AND "closedByUserId" IS NULL)
  OR ("state" = 'CLOSED' AND "openedAt" IS NOT NULL AND "openedByUserId" IS NOT NULL AND "closedAt" IS NOT NULL
      AND "closedByUserId" IS NOT NULL AND "closedAt" >= "openedAt"));

-- Only forward, for everyone (also the owner): PLANNED -> OPEN -> CLOSED, one step at a time, and
-- the stamps of an earlier step never change. The application moves a session only as a
-- coordinator of its house (row-level security) and in its own name; it creates sessions PLANNED.
CREATE FUNCTION conference_session_state_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF app_is_app_login() AND NEW."state" <> 'PLANNED' THEN
      RAISE EXCEPTION 'conference session: a session is planned first (art. 13)' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."state" IS DISTINCT FROM OLD."state" THEN
    IF NOT ((OLD."state" = 'PLANNED' AND NEW."state" = 'OPEN') OR (OLD."state" = 'OPEN' AND NEW."state" = 'CLOSED')) THEN
      RAISE EXCEPTION 'conference session: % cannot become % (only planned -> open -> closed)', OLD."state", NEW."state"
        USING ERRCODE = '55000';
    END IF;
  END IF;
  IF OLD."openedAt" IS NOT NULL AND (NEW."openedAt" IS DISTINCT FROM OLD."openedAt" OR NEW."openedByUserId" IS DISTINCT FROM OLD."openedByUserId") THEN
    RAISE EXCEPTION 'conference session: who opened it and when does not change' USING ERRCODE = '42501';
  END IF;
  IF OLD."closedAt" IS NOT NULL AND (NEW."closedAt" IS DISTINCT FROM OLD."closedAt" OR NEW."closedByUserId" IS DISTINCT FROM OLD."closedByUserId") THEN
    RAISE EXCEPTION 'conference session: who closed it and when does not change' USING ERRCODE = '42501';
  END IF;
  IF app_is_app_login() THEN
    IF (NEW."openedByUserId" IS DISTINCT FROM OLD."openedByUserId" AND NEW."openedByUserId" IS DISTINCT FROM app_user_id())
       OR (NEW."closedByUserId" IS DISTINCT FROM OLD."closedByUserId" AND NEW."closedByUserId" IS DISTINCT FROM app_user_id()) THEN
      RAISE EXCEPTION 'conference session: the coordinator opens and closes it in their own name' USING ERRCODE = '42501';
    END IF;
    IF NOT (OLD."safeHouseId" = ANY (app_uuids('app.coordinator_houses'))) THEN
      RAISE EXCEPTION 'conference session: only the coordinator of its safe house changes it' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER conference_session_state_guard BEFORE INSERT OR UPDATE ON "ConferenceSession"
  FOR EACH ROW EXECUTE FUNCTION conference_session_state_guard();

-- the RLS update policy had no WITH CHECK: a coordinator cannot move a session to another house
DROP POLICY session_update ON "ConferenceSession";
CREATE POLICY session_update ON "ConferenceSession" FOR UPDATE
  USING (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]))
  WITH CHECK (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
GRANT UPDATE ("state", "openedAt", "openedByUserId", "closedAt", "closedByUserId") ON "ConferenceSession" TO vhd_app;

-- Is a session with this case on its agenda open now? (SECURITY DEFINER: a participant of the
-- case may not read every session row; the answer is only yes or no.)
CREATE FUNCTION app_case_session_open(p_dossier uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM "AgendaItem" a JOIN "ConferenceSession" s ON s."id" = a."sessionId"
                  WHERE a."dossierId" = p_dossier AND s."state" = 'OPEN') $$;
REVOKE ALL ON FUNCTION app_case_session_open(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_case_session_open(uuid) TO vhd_app;

-- Is this agenda item (of this case) on a session that is open now?
CREATE FUNCTION app_agenda_item_open(p_agenda uuid, p_dossier uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM "AgendaItem" a JOIN "ConferenceSession" s ON s."id" = a."sessionId"
                  WHERE a."id" = p_agenda AND a."dossierId" = p_dossier AND s."state" = 'OPEN') $$;
REVOKE ALL ON FUNCTION app_agenda_item_open(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_agenda_item_open(uuid, uuid) TO vhd_app;

-- ---------------------------------------------------------------- information: only in an open session
-- New items of the application are tied to the agenda item of an OPEN session of the same case
-- (older rows may have no agenda item and stay valid). The session an item was brought in at
-- never changes; correcting or withdrawing one's own item (art. 15 §2) stays possible afterwards.
CREATE FUNCTION information_item_session_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."agendaItemId" IS NULL OR NOT app_agenda_item_open(NEW."agendaItemId", NEW."dossierId") THEN
      RAISE EXCEPTION 'information is brought in only during an open session of the case (art. 13)' USING ERRCODE = '55000';
    END IF;
  ELSIF NEW."agendaItemId" IS DISTINCT FROM OLD."agendaItemId" THEN
    RAISE EXCEPTION 'information stays tied to the session it was brought in at' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER information_item_session_guard BEFORE INSERT OR UPDATE ON "InformationItem"
  FOR EACH ROW EXECUTE FUNCTION information_item_session_guard();
CREATE INDEX "InformationItem_agendaItemId_idx" ON "InformationItem"("agendaItemId");
REVOKE UPDATE ("agendaItemId") ON "InformationItem" FROM vhd_app;

-- ---------------------------------------------------------------- proposals and votes: only in an open session
-- A proposal (disclosure, longer retention) is made at an OPEN session of the case; a vote is cast
-- while a session with the case on its agenda is OPEN. Withdrawing and sharing are not bound to one.
CREATE FUNCTION consensus_session_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF TG_TABLE_NAME IN ('DisclosureProposal', 'RetentionExtension') THEN
    IF NEW."agendaItemId" IS NULL OR NOT app_agenda_item_open(NEW."agendaItemId", NEW."dossierId") THEN
      RAISE EXCEPTION 'consensus: a proposal is made during an open session of the case (art. 13)' USING ERRCODE = '55000';
    END IF;
  ELSIF NOT app_case_session_open(NEW."dossierId") THEN
    RAISE EXCEPTION 'consensus: votes are cast during an open session of the case (art. 13)' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consensus_session_guard BEFORE INSERT ON "DisclosureProposal" FOR EACH ROW EXECUTE FUNCTION consensus_session_guard();
CREATE TRIGGER consensus_session_guard BEFORE INSERT ON "RetentionExtension" FOR EACH ROW EXECUTE FUNCTION consensus_session_guard();
CREATE TRIGGER consensus_session_guard BEFORE INSERT ON "DisclosureVote" FOR EACH ROW EXECUTE FUNCTION consensus_session_guard();
CREATE TRIGGER consensus_session_guard BEFORE INSERT ON "RetentionVote" FOR EACH ROW EXECUTE FUNCTION consensus_session_guard();

-- ---------------------------------------------------------------- the action plan belongs to a session
ALTER TABLE "PlanAction" ADD COLUMN "agendaItemId" UUID,
  ADD CONSTRAINT "PlanAction_agenda_fkey" FOREIGN KEY ("agendaItemId", "dossierId") REFERENCES "AgendaItem"("id", "dossierId");
CREATE INDEX "PlanAction_agendaItemId_idx" ON "PlanAction"("agendaItemId");

-- ---------------------------------------------------------------- private preparation notes
-- What a participant prepares before a session: only the author reads or writes it, and only
-- while they take part in the case — not the coordinator, not the other participants. It
-- becomes shared information only when the author brings it in during an open session.
CREATE TABLE "PreparationNote" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "authorUserId" UUID NOT NULL,
  "category" INTEGER NOT NULL,
  "concernsMemberId" UUID,
  "content" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PreparationNote_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PreparationNote_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PreparationNote_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "PreparationNote_concernsMemberId_fkey" FOREIGN KEY ("concernsMemberId") REFERENCES "ClientMember"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PreparationNote_category_art15" CHECK ("category" BETWEEN 1 AND 14),
  CONSTRAINT "PreparationNote_content_present" CHECK (length("content") > 0)
);
CREATE INDEX "PreparationNote_dossierId_idx" ON "PreparationNote"("dossierId");
CREATE INDEX "PreparationNote_safeHouseId_idx" ON "PreparationNote"("safeHouseId");
CREATE INDEX "PreparationNote_authorUserId_idx" ON "PreparationNote"("authorUserId");
CREATE INDEX "PreparationNote_concernsMemberId_idx" ON "PreparationNote"("concernsMemberId");
COMMENT ON COLUMN "PreparationNote"."category" IS 'art15:row';
COMMENT ON COLUMN "PreparationNote"."content" IS 'art15:row';
COMMENT ON COLUMN "PreparationNote"."concernsMemberId" IS 'art15:1';

ALTER TABLE "PreparationNote" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PreparationNote" FORCE ROW LEVEL SECURITY;
CREATE POLICY note_select ON "PreparationNote" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR ("authorUserId" = (SELECT app_user_id()) AND "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])));
CREATE POLICY note_insert ON "PreparationNote" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ("authorUserId" = (SELECT app_user_id()) AND "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])));
CREATE POLICY note_update ON "PreparationNote" FOR UPDATE
  USING (current_user <> 'vhd_app'
         OR ("authorUserId" = (SELECT app_user_id()) AND "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])))
  WITH CHECK (current_user <> 'vhd_app'
         OR ("authorUserId" = (SELECT app_user_id()) AND "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])));
CREATE POLICY note_delete ON "PreparationNote" FOR DELETE USING (
  current_user <> 'vhd_app'
  OR ("authorUserId" = (SELECT app_user_id()) AND "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])));
GRANT SELECT, INSERT, DELETE ON "PreparationNote" TO vhd_app;
GRANT UPDATE ("category", "concernsMemberId", "content", "updatedAt") ON "PreparationNote" TO vhd_app;
-- a closed dossier stays read-only for these notes too
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "PreparationNote"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();
