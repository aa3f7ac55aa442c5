-- The case director watches over the action plan (memorandum to art. 15; issue 12 §6; ADR 0034).
-- An action has an owner organisation and optionally an owner person (a participant of that
-- organisation in this case), a due date and a status: open, done (when, by whom, with a note) or
-- cancelled (with a reason). The coordinator and the case director add, change and close actions;
-- the owner only marks their own open action done. `done` stays, derived from the status, for
-- the readers that still use it.

CREATE TYPE "PlanActionStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

ALTER TABLE "PlanAction"
  ADD COLUMN "ownerUserId" UUID,
  ADD COLUMN "status" "PlanActionStatus" NOT NULL DEFAULT 'OPEN',
  ADD COLUMN "doneAt" TIMESTAMPTZ(6),
  ADD COLUMN "doneByUserId" UUID,
  ADD COLUMN "doneNote" TEXT;

UPDATE "PlanAction" SET "status" = 'DONE', "doneAt" = "createdAt" WHERE "done";

ALTER TABLE "PlanAction"
  ADD CONSTRAINT "PlanAction_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "PlanAction_doneByUserId_fkey" FOREIGN KEY ("doneByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- open: nothing about its closing; closed: when (and, for every new closing, by whom: trigger)
  ADD CONSTRAINT "PlanAction_status_consistent" CHECK (
    ("status" = 'OPEN' AND "doneAt" IS NULL AND "doneByUserId" IS NULL AND "doneNote" IS NULL)
    OR ("status" <> 'OPEN' AND "doneAt" IS NOT NULL)),
  -- a cancelled action says why
  ADD CONSTRAINT "PlanAction_cancel_reason" CHECK ("status" <> 'CANCELLED' OR length(btrim("doneNote")) >= 3),
  ADD CONSTRAINT "PlanAction_doneNote_length" CHECK ("doneNote" IS NULL OR length("doneNote") <= 2000);

CREATE INDEX "PlanAction_ownerUserId_idx" ON "PlanAction"("ownerUserId");
CREATE INDEX "PlanAction_doneByUserId_idx" ON "PlanAction"("doneByUserId");
CREATE INDEX "PlanAction_ownerOrganisationId_status_idx" ON "PlanAction"("ownerOrganisationId", "status");
COMMENT ON COLUMN "PlanAction"."doneNote" IS 'art15:11';

-- ---------------------------------------------------------------- who directs which case
-- The dossiers whose case director the session's user is: an open participation (acknowledged,
-- not left, case not closed) with the flag. For row-level security and the owner trigger.
CREATE FUNCTION app_directed_dossiers() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(p."dossierId"), '{}') FROM "CaseParticipant" p
   WHERE p."userId" = app_user_id() AND p."isCaseDirector" AND p."leftAt" IS NULL
     AND p."dossierId" = ANY (app_uuids('app.participant_dossiers'))
$$;
REVOKE ALL ON FUNCTION app_directed_dossiers() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_directed_dossiers() TO vhd_app;

-- ---------------------------------------------------------------- the owner person
-- An owner person is a user of the owner organisation who takes part in this case (not left).
CREATE FUNCTION plan_action_owner_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."done" AND NEW."status" = 'OPEN' THEN
    -- an older writer that only knows `done`
    NEW."status" := 'DONE';
    NEW."doneAt" := coalesce(NEW."doneAt", now());
  END IF;
  NEW."done" := NEW."status" = 'DONE';
  IF NEW."ownerUserId" IS NOT NULL AND (TG_OP = 'INSERT'
       OR NEW."ownerUserId" IS DISTINCT FROM OLD."ownerUserId"
       OR NEW."ownerOrganisationId" IS DISTINCT FROM OLD."ownerOrganisationId") THEN
    IF NOT EXISTS (SELECT 1 FROM "CaseParticipant" p
                    WHERE p."dossierId" = NEW."dossierId" AND p."userId" = NEW."ownerUserId"
                      AND p."organisationId" = NEW."ownerOrganisationId" AND p."leftAt" IS NULL) THEN
      RAISE EXCEPTION 'the owner of an action must be a participant of its organisation in this case'
        USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_action_owner_check BEFORE INSERT OR UPDATE ON "PlanAction"
  FOR EACH ROW EXECUTE FUNCTION plan_action_owner_check();

-- ---------------------------------------------------------------- what an owner may change
-- For the application: the coordinator and the case director change anything (row-level
-- security decides whether they may touch the row at all). Anyone else who may update the row
-- (an owner, below) only closes their own open action as done, in their own name, with a note.
CREATE FUNCTION plan_action_owner_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF NEW."status" <> 'OPEN' AND NEW."status" IS DISTINCT FROM OLD."status"
     AND NEW."doneByUserId" IS DISTINCT FROM app_user_id() THEN
    RAISE EXCEPTION 'an action is closed in the name of who closes it' USING ERRCODE = '42501';
  END IF;
  IF NEW."safeHouseId" = ANY (app_uuids('app.coordinator_houses'))
     OR NEW."dossierId" = ANY (app_directed_dossiers()) THEN
    RETURN NEW;
  END IF;
  IF OLD."status" <> 'OPEN' OR NEW."status" <> 'DONE'
     OR NEW."description" IS DISTINCT FROM OLD."description"
     OR NEW."ownerOrganisationId" IS DISTINCT FROM OLD."ownerOrganisationId"
     OR NEW."ownerUserId" IS DISTINCT FROM OLD."ownerUserId"
     OR NEW."dueDate" IS DISTINCT FROM OLD."dueDate"
     OR NEW."goalId" IS DISTINCT FROM OLD."goalId"
     OR NEW."safeHouseId" IS DISTINCT FROM OLD."safeHouseId"
     OR length(btrim(coalesce(NEW."doneNote", ''))) < 3 THEN
    RAISE EXCEPTION 'the owner of an action only marks it done, with a note' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_action_owner_guard BEFORE UPDATE ON "PlanAction"
  FOR EACH ROW EXECUTE FUNCTION plan_action_owner_guard();

-- ---------------------------------------------------------------- row-level security per command
-- Reading stays the case team's (case_team_select). Adding: the coordinator or the case director.
-- Changing: the coordinator, the case director, or an owner (the owner person, or when there is
-- none, a participant of the owner organisation) — the trigger above narrows what an owner changes.
DROP POLICY case_team_insert ON "PlanAction";
DROP POLICY case_team_update ON "PlanAction";
CREATE POLICY plan_action_insert ON "PlanAction" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_directed_dossiers())::uuid[]));
CREATE POLICY plan_action_update ON "PlanAction" FOR UPDATE
  USING (
    current_user <> 'vhd_app'
    OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
    OR "dossierId" = ANY ((SELECT app_directed_dossiers())::uuid[])
    OR ("dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])
        AND ("ownerUserId" = (SELECT app_user_id())
             OR ("ownerUserId" IS NULL AND "ownerOrganisationId" = (SELECT app_organisation_id())))))
  WITH CHECK (
    current_user <> 'vhd_app'
    OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
    OR "dossierId" = ANY ((SELECT app_directed_dossiers())::uuid[])
    OR ("dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])
        AND ("ownerUserId" = (SELECT app_user_id())
             OR ("ownerUserId" IS NULL AND "ownerOrganisationId" = (SELECT app_organisation_id())))));
GRANT UPDATE ("ownerUserId", "status", "doneAt", "doneByUserId", "doneNote") ON "PlanAction" TO vhd_app;

-- Goals: the coordinator or the case director adds one, in their own name.
DROP POLICY case_team_insert ON "Goal";
CREATE POLICY goal_insert ON "Goal" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR (("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
       OR "dossierId" = ANY ((SELECT app_directed_dossiers())::uuid[]))
      AND "createdByUserId" = (SELECT app_user_id())));
