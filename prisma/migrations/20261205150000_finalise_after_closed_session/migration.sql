-- Issue 12 §3 + §5 (ADR 0033, 0036): the minutes of a case are made final only once the session
-- is over — closed by the coordinator — not merely begun: while it is open, participants still
-- bring in information and vote, and the minutes must be able to say so.
CREATE FUNCTION agenda_item_finalise_after_close() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW."finalisedAt" IS NOT NULL AND OLD."finalisedAt" IS NULL
     AND NOT EXISTS (SELECT 1 FROM "ConferenceSession" s WHERE s."id" = NEW."sessionId" AND s."state" = 'CLOSED') THEN
    RAISE EXCEPTION 'agenda item: the minutes are finalised only after the session was closed' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER agenda_item_finalise_after_close BEFORE UPDATE OF "finalisedAt" ON "AgendaItem"
  FOR EACH ROW EXECUTE FUNCTION agenda_item_finalise_after_close();
