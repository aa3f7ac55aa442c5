-- Issue 12 §5 (ADR 0036): after a case conference the coordinator finalises the minutes of a case
-- (per agenda item = session × case), then distributes the plan within 14 working days (seed 004);
-- the referrer reads only the outcome written for them; a case worker who receives feedback from a
-- standing delegate reads the note only after acknowledging the secrecy of art. 458ter §2 Sw.
-- (art. 12, 4th para).

-- ---------------------------------------------------------------- finalised and distributed minutes
ALTER TABLE "AgendaItem"
  ADD COLUMN "finalisedAt" TIMESTAMPTZ(6),
  ADD COLUMN "finalisedByUserId" UUID,
  ADD COLUMN "distributedAt" TIMESTAMPTZ(6),
  ADD COLUMN "distributedByUserId" UUID,
  ADD CONSTRAINT "AgendaItem_finalisedByUserId_fkey" FOREIGN KEY ("finalisedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "AgendaItem_distributedByUserId_fkey" FOREIGN KEY ("distributedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "AgendaItem_finalised_by_whom" CHECK (("finalisedAt" IS NULL) = ("finalisedByUserId" IS NULL)),
  ADD CONSTRAINT "AgendaItem_distributed_by_whom" CHECK (("distributedAt" IS NULL) = ("distributedByUserId" IS NULL)),
  ADD CONSTRAINT "AgendaItem_distributed_after_finalised" CHECK ("distributedAt" IS NULL OR ("finalisedAt" IS NOT NULL AND "distributedAt" >= "finalisedAt"));
CREATE INDEX "AgendaItem_finalisedByUserId_idx" ON "AgendaItem"("finalisedByUserId");
CREATE INDEX "AgendaItem_distributedByUserId_idx" ON "AgendaItem"("distributedByUserId");
-- column grants (ADR 0020): the app may set these four, nothing else is added
GRANT UPDATE ("finalisedAt", "finalisedByUserId", "distributedAt", "distributedByUserId") ON "AgendaItem" TO vhd_app;

-- For the application: an item is finalised only once, by the coordinator themself, after its
-- session has begun; from then on its minutes do not change; it is distributed only once, by the
-- coordinator themself, after it was finalised. Nothing is finalised at creation.
CREATE FUNCTION agenda_item_finalised_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  v_starts timestamptz;
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."finalisedAt" IS NOT NULL OR NEW."distributedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'agenda item: finalised only after the session' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD."finalisedAt" IS NOT NULL THEN
    IF NEW."minutes" IS DISTINCT FROM OLD."minutes" OR NEW."minutesUpdatedAt" IS DISTINCT FROM OLD."minutesUpdatedAt"
       OR NEW."finalisedAt" IS DISTINCT FROM OLD."finalisedAt" OR NEW."finalisedByUserId" IS DISTINCT FROM OLD."finalisedByUserId" THEN
      RAISE EXCEPTION 'agenda item: the minutes are finalised and do not change' USING ERRCODE = '42501';
    END IF;
  ELSIF NEW."finalisedAt" IS NOT NULL THEN
    SELECT s."startsAt" INTO v_starts FROM "ConferenceSession" s WHERE s."id" = NEW."sessionId";
    IF v_starts IS NULL OR v_starts > now() THEN
      RAISE EXCEPTION 'agenda item: finalised only after the session has begun' USING ERRCODE = '23514';
    END IF;
    IF NEW."finalisedByUserId" IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'agenda item: finalised by the coordinator themself' USING ERRCODE = '42501';
    END IF;
  END IF;
  IF OLD."distributedAt" IS NOT NULL THEN
    IF NEW."distributedAt" IS DISTINCT FROM OLD."distributedAt" OR NEW."distributedByUserId" IS DISTINCT FROM OLD."distributedByUserId" THEN
      RAISE EXCEPTION 'agenda item: the plan was distributed already' USING ERRCODE = '42501';
    END IF;
  ELSIF NEW."distributedAt" IS NOT NULL AND NEW."distributedByUserId" IS DISTINCT FROM app_user_id() THEN
    RAISE EXCEPTION 'agenda item: distributed by the coordinator themself' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER agenda_item_finalised_guard BEFORE INSERT OR UPDATE ON "AgendaItem"
  FOR EACH ROW EXECUTE FUNCTION agenda_item_finalised_guard();

-- the decisions of a finalised item are part of its minutes: no more are added
CREATE FUNCTION decision_of_open_item() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF EXISTS (SELECT 1 FROM "AgendaItem" a WHERE a."id" = NEW."agendaItemId" AND a."finalisedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'agenda item: the minutes are finalised, no decision is added' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER decision_of_open_item BEFORE INSERT OR UPDATE ON "ConferenceDecision"
  FOR EACH ROW EXECUTE FUNCTION decision_of_open_item();

-- ---------------------------------------------------------------- to whom the plan was sent
-- One row per person the plan of an item is distributed to (accepted participants, invitees who
-- declined, the referrer when an outcome is written for them); the mail goes out after commit
-- and mailSentAt records it, so no one is mailed twice.
CREATE TABLE "PlanDistributionRecipient" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "agendaItemId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "reason" TEXT NOT NULL,
  "mailSentAt" TIMESTAMPTZ(6),
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PlanDistributionRecipient_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PlanDistributionRecipient_reason_check" CHECK ("reason" IN ('PARTICIPANT', 'DECLINED', 'REFERRER')),
  CONSTRAINT "PlanDistributionRecipient_agenda_fkey" FOREIGN KEY ("agendaItemId", "dossierId") REFERENCES "AgendaItem"("id", "dossierId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PlanDistributionRecipient_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PlanDistributionRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PlanDistributionRecipient_agendaItemId_userId_key" ON "PlanDistributionRecipient"("agendaItemId", "userId");
CREATE INDEX "PlanDistributionRecipient_agendaItemId_dossierId_idx" ON "PlanDistributionRecipient"("agendaItemId", "dossierId");
CREATE INDEX "PlanDistributionRecipient_dossierId_idx" ON "PlanDistributionRecipient"("dossierId");
CREATE INDEX "PlanDistributionRecipient_safeHouseId_idx" ON "PlanDistributionRecipient"("safeHouseId");
CREATE INDEX "PlanDistributionRecipient_userId_idx" ON "PlanDistributionRecipient"("userId");

ALTER TABLE "PlanDistributionRecipient" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanDistributionRecipient" FORCE ROW LEVEL SECURITY;
CREATE POLICY distribution_select ON "PlanDistributionRecipient" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "userId" = (SELECT app_user_id()));
CREATE POLICY distribution_insert ON "PlanDistributionRecipient" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY distribution_update ON "PlanDistributionRecipient" FOR UPDATE
  USING (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]))
  WITH CHECK (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
GRANT SELECT, INSERT ON "PlanDistributionRecipient" TO vhd_app;
GRANT UPDATE ("mailSentAt") ON "PlanDistributionRecipient" TO vhd_app;

-- recipients only of a distributed item; a mail is recorded once
CREATE FUNCTION plan_distribution_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."mailSentAt" IS NOT NULL OR NOT EXISTS (
         SELECT 1 FROM "AgendaItem" a WHERE a."id" = NEW."agendaItemId" AND a."distributedAt" IS NOT NULL) THEN
      RAISE EXCEPTION 'plan distribution: only for a distributed item, before its mail' USING ERRCODE = '42501';
    END IF;
  ELSIF OLD."mailSentAt" IS NOT NULL THEN
    RAISE EXCEPTION 'plan distribution: the mail was sent already' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_distribution_guard BEFORE INSERT OR UPDATE ON "PlanDistributionRecipient"
  FOR EACH ROW EXECUTE FUNCTION plan_distribution_guard();

-- ---------------------------------------------------------------- the outcome the referrer reads
-- A short text the coordinator writes for the referrer (admitted, next steps agreed with them) —
-- not the minutes. The referrer reads it once the plan is distributed (sharedAt), as long as they
-- see their referral; nothing else of the conference.
CREATE TABLE "ReferrerOutcome" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "agendaItemId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "text" TEXT NOT NULL,
  "writtenByUserId" UUID NOT NULL,
  "writtenAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sharedAt" TIMESTAMPTZ(6),
  CONSTRAINT "ReferrerOutcome_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ReferrerOutcome_text_check" CHECK (length(btrim("text")) BETWEEN 1 AND 2000),
  CONSTRAINT "ReferrerOutcome_agenda_fkey" FOREIGN KEY ("agendaItemId", "dossierId") REFERENCES "AgendaItem"("id", "dossierId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ReferrerOutcome_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ReferrerOutcome_writtenByUserId_fkey" FOREIGN KEY ("writtenByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ReferrerOutcome_agendaItemId_key" ON "ReferrerOutcome"("agendaItemId");
CREATE INDEX "ReferrerOutcome_agendaItemId_dossierId_idx" ON "ReferrerOutcome"("agendaItemId", "dossierId");
CREATE INDEX "ReferrerOutcome_dossierId_idx" ON "ReferrerOutcome"("dossierId");
CREATE INDEX "ReferrerOutcome_safeHouseId_idx" ON "ReferrerOutcome"("safeHouseId");
CREATE INDEX "ReferrerOutcome_writtenByUserId_idx" ON "ReferrerOutcome"("writtenByUserId");
COMMENT ON COLUMN "ReferrerOutcome"."text" IS 'art15:11';

-- the referrer of a dossier (under the dossier's own row-level security: until it is closed)
CREATE FUNCTION app_is_referrer_of(p_dossier uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND d."referrerUserId" = app_user_id()) $$;

ALTER TABLE "ReferrerOutcome" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ReferrerOutcome" FORCE ROW LEVEL SECURITY;
CREATE POLICY outcome_select ON "ReferrerOutcome" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR ("sharedAt" IS NOT NULL AND app_is_referrer_of("dossierId")));
CREATE POLICY outcome_insert ON "ReferrerOutcome" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "writtenByUserId" = (SELECT app_user_id())));
CREATE POLICY outcome_update ON "ReferrerOutcome" FOR UPDATE
  USING (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]))
  WITH CHECK (current_user <> 'vhd_app' OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
GRANT SELECT, INSERT ON "ReferrerOutcome" TO vhd_app;
GRANT UPDATE ("sharedAt") ON "ReferrerOutcome" TO vhd_app;

-- written with the finalised minutes (not before), shared once with the distribution
CREATE FUNCTION referrer_outcome_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."sharedAt" IS NOT NULL OR EXISTS (
         SELECT 1 FROM "AgendaItem" a WHERE a."id" = NEW."agendaItemId" AND a."distributedAt" IS NOT NULL) THEN
      RAISE EXCEPTION 'referrer outcome: written before the distribution' USING ERRCODE = '42501';
    END IF;
  ELSIF OLD."sharedAt" IS NOT NULL OR NOT EXISTS (
         SELECT 1 FROM "AgendaItem" a WHERE a."id" = NEW."agendaItemId" AND a."distributedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'referrer outcome: shared once, with the distribution' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER referrer_outcome_guard BEFORE INSERT OR UPDATE ON "ReferrerOutcome"
  FOR EACH ROW EXECUTE FUNCTION referrer_outcome_guard();

-- ---------------------------------------------------------------- feedback: the note behind the secrecy
-- The case worker sees that feedback was given to them (FeedbackRecord) and acknowledges the
-- secrecy of art. 458ter §2 Sw.; only then can they read the note, which moves to its own table.
ALTER TABLE "FeedbackRecord" ADD COLUMN "secrecyAcknowledgedAt" TIMESTAMPTZ(6);
CREATE INDEX "FeedbackRecord_caseWorkerUserId_idx" ON "FeedbackRecord"("caseWorkerUserId");
CREATE INDEX "FeedbackRecord_delegateUserId_idx" ON "FeedbackRecord"("delegateUserId");

CREATE TABLE "FeedbackNote" (
  "feedbackRecordId" UUID NOT NULL,
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "note" TEXT NOT NULL DEFAULT '',
  CONSTRAINT "FeedbackNote_pkey" PRIMARY KEY ("feedbackRecordId"),
  CONSTRAINT "FeedbackNote_feedbackRecordId_fkey" FOREIGN KEY ("feedbackRecordId") REFERENCES "FeedbackRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "FeedbackNote_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "FeedbackNote_dossierId_idx" ON "FeedbackNote"("dossierId");
CREATE INDEX "FeedbackNote_safeHouseId_idx" ON "FeedbackNote"("safeHouseId");
COMMENT ON COLUMN "FeedbackNote"."note" IS 'art15:11';
INSERT INTO "FeedbackNote" ("feedbackRecordId", "dossierId", "safeHouseId", "note")
  SELECT "id", "dossierId", "safeHouseId", "note" FROM "FeedbackRecord";
ALTER TABLE "FeedbackRecord" DROP COLUMN "note";

-- the case worker sees the records addressed to them, and acknowledges the secrecy once
CREATE POLICY feedback_case_worker_select ON "FeedbackRecord" FOR SELECT USING (
  current_user <> 'vhd_app' OR "caseWorkerUserId" = (SELECT app_user_id()));
CREATE POLICY feedback_case_worker_update ON "FeedbackRecord" FOR UPDATE
  USING (current_user <> 'vhd_app' OR ("caseWorkerUserId" = (SELECT app_user_id()) AND "secrecyAcknowledgedAt" IS NULL))
  WITH CHECK (current_user <> 'vhd_app' OR ("caseWorkerUserId" = (SELECT app_user_id()) AND "secrecyAcknowledgedAt" IS NOT NULL));
GRANT UPDATE ("secrecyAcknowledgedAt") ON "FeedbackRecord" TO vhd_app;

CREATE FUNCTION feedback_acknowledged_once() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' AND NEW."secrecyAcknowledgedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'feedback: only the case worker acknowledges the secrecy' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."secrecyAcknowledgedAt" IS NOT NULL
     AND NEW."secrecyAcknowledgedAt" IS DISTINCT FROM OLD."secrecyAcknowledgedAt" THEN
    RAISE EXCEPTION 'feedback: the secrecy was acknowledged already' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER feedback_acknowledged_once BEFORE INSERT OR UPDATE ON "FeedbackRecord"
  FOR EACH ROW EXECUTE FUNCTION feedback_acknowledged_once();

-- who reads the note: the coordinator of the holding safe house, the delegate who wrote it, and
-- the case worker after acknowledging the secrecy (not the other participants: need to know)
CREATE FUNCTION app_may_read_feedback_note(p_record uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM "FeedbackRecord" f WHERE f."id" = p_record
                    AND (f."delegateUserId" = app_user_id()
                         OR (f."caseWorkerUserId" = app_user_id() AND f."secrecyAcknowledgedAt" IS NOT NULL))) $$;
CREATE FUNCTION app_wrote_feedback(p_record uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM "FeedbackRecord" f WHERE f."id" = p_record AND f."delegateUserId" = app_user_id()) $$;

ALTER TABLE "FeedbackNote" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "FeedbackNote" FORCE ROW LEVEL SECURITY;
CREATE POLICY feedback_note_select ON "FeedbackNote" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR app_may_read_feedback_note("feedbackRecordId"));
CREATE POLICY feedback_note_insert ON "FeedbackNote" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ("dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]) AND app_wrote_feedback("feedbackRecordId")));
GRANT SELECT, INSERT ON "FeedbackNote" TO vhd_app;

-- nothing of a closed dossier changes (migration 20261123080000)
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "PlanDistributionRecipient"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "ReferrerOutcome"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "FeedbackNote"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();
