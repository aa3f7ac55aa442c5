-- The owner's guard on PlanAction compared a list of columns; a column added later (e.g. the
-- session an action belongs to) would have been open to an owner. It now compares the whole row
-- except the completion columns, so whatever is added later is the manager's alone (ADR 0034).
CREATE OR REPLACE FUNCTION plan_action_owner_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  completion CONSTANT text[] := ARRAY['status', 'doneAt', 'doneByUserId', 'doneNote', 'done'];
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
     OR (to_jsonb(NEW) - completion) IS DISTINCT FROM (to_jsonb(OLD) - completion)
     OR length(btrim(coalesce(NEW."doneNote", ''))) < 3 THEN
    RAISE EXCEPTION 'the owner of an action only marks it done, with a note' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
