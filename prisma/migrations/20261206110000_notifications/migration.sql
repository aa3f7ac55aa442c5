-- Issue 13 §2 (ADR 0039): notifications and reminders. A use case that creates something that
-- waits for someone inserts a Notification row per recipient IN ITS OWN TRANSACTION (an outbox):
-- no case content, only the kind, the safe house, a link path into the application and a dedupe
-- key. The worker (the owner) mails them at once or in a daily digest according to each user's
-- preference; every mail sent is claimed first in NotificationDelivery under a UNIQUE
-- idempotency key, so a retried or concurrent job never sends the same mail twice.

-- ---------------------------------------------------------------- the notifications
CREATE TABLE "Notification" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "userId" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "safeHouseId" UUID,
  "dossierId" UUID,
  "linkPath" TEXT NOT NULL,
  "dedupeKey" TEXT NOT NULL,
  -- the use case mails this itself (the invitation with its calendar file, the plan distribution):
  -- the notification module never mails it again (no user gets the same thing twice)
  "directMail" BOOLEAN NOT NULL DEFAULT false,
  "createdByUserId" UUID,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "readAt" TIMESTAMPTZ(6),
  -- the mail (immediate or digest) that covered it; written by the worker only
  "deliveryId" UUID,
  CONSTRAINT "Notification_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Notification_kind_check" CHECK ("kind" IN ('REFERRAL_TO_TRIAGE', 'INPUT_ROUND', 'CONSULTATION',
    'INVITATION', 'DISCLOSURE_VOTE', 'RETENTION_VOTE', 'ACTION_DUE', 'ACTION_OVERDUE', 'TRANSFER', 'PLAN_READY')),
  -- a path inside the application, nothing else (no host, no query string with data)
  CONSTRAINT "Notification_linkPath_check" CHECK ("linkPath" ~ '^/[A-Za-z0-9/_#-]{0,199}$'),
  CONSTRAINT "Notification_dedupeKey_check" CHECK (length("dedupeKey") BETWEEN 1 AND 200),
  CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "Notification_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- purged with the dossier (art. 15 §3)
  CONSTRAINT "Notification_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "Notification_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
CREATE INDEX "Notification_safeHouseId_idx" ON "Notification"("safeHouseId");
CREATE INDEX "Notification_dossierId_idx" ON "Notification"("dossierId");
CREATE INDEX "Notification_createdByUserId_idx" ON "Notification"("createdByUserId");
CREATE INDEX "Notification_deliveryId_idx" ON "Notification"("deliveryId");
-- the worker's scan: not yet mailed, newest first
CREATE INDEX "Notification_undelivered_idx" ON "Notification"("createdAt") WHERE "deliveryId" IS NULL AND NOT "directMail";

ALTER TABLE "Notification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Notification" FORCE ROW LEVEL SECURITY;
-- a user sees only their own
CREATE POLICY notification_select ON "Notification" FOR SELECT USING (
  current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));
-- a signed-in user's use case creates notifications for others, in their own name, unread, unmailed
CREATE POLICY notification_insert ON "Notification" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ((SELECT app_user_id()) IS NOT NULL AND "createdByUserId" = (SELECT app_user_id())
      AND "readAt" IS NULL AND "deliveryId" IS NULL));
-- a user marks only their own read (the column grant and the trigger below: readAt only)
CREATE POLICY notification_update ON "Notification" FOR UPDATE
  USING (current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()))
  WITH CHECK (current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));
CREATE POLICY notification_delete ON "Notification" FOR DELETE USING (current_user <> 'vhd_app');
GRANT SELECT, INSERT ON "Notification" TO vhd_app;
GRANT UPDATE ("readAt") ON "Notification" TO vhd_app;

-- for the application: read once (never unread again, never backdated far), nothing else changes
CREATE FUNCTION notification_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF OLD."readAt" IS NOT NULL AND NEW."readAt" IS DISTINCT FROM OLD."readAt" THEN
    RAISE EXCEPTION 'notification: read already' USING ERRCODE = '42501';
  END IF;
  IF NEW."readAt" IS NOT NULL AND abs(extract(epoch FROM NEW."readAt" - now())) > 300 THEN
    RAISE EXCEPTION 'notification: read now' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER notification_guard BEFORE UPDATE ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION notification_guard();

-- ---------------------------------------------------------------- each user's choice per kind
CREATE TABLE "NotificationPreference" (
  "userId" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "mode" TEXT NOT NULL,
  "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId", "kind"),
  CONSTRAINT "NotificationPreference_kind_check" CHECK ("kind" IN ('REFERRAL_TO_TRIAGE', 'INPUT_ROUND', 'CONSULTATION',
    'INVITATION', 'DISCLOSURE_VOTE', 'RETENTION_VOTE', 'ACTION_DUE', 'ACTION_OVERDUE', 'TRANSFER', 'PLAN_READY')),
  CONSTRAINT "NotificationPreference_mode_check" CHECK ("mode" IN ('IMMEDIATE', 'DIGEST', 'OFF')),
  CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "NotificationPreference_userId_idx" ON "NotificationPreference"("userId");

ALTER TABLE "NotificationPreference" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "NotificationPreference" FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_preference_select ON "NotificationPreference" FOR SELECT USING (
  current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));
CREATE POLICY notification_preference_insert ON "NotificationPreference" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));
CREATE POLICY notification_preference_update ON "NotificationPreference" FOR UPDATE
  USING (current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()))
  WITH CHECK (current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));
CREATE POLICY notification_preference_delete ON "NotificationPreference" FOR DELETE USING (
  current_user <> 'vhd_app' OR "userId" = (SELECT app_user_id()));
GRANT SELECT, INSERT, DELETE ON "NotificationPreference" TO vhd_app;
GRANT UPDATE ("mode", "updatedAt") ON "NotificationPreference" TO vhd_app;

-- ---------------------------------------------------------------- the mails sent (the worker's ledger)
-- One row per mail, claimed BEFORE it is sent under a UNIQUE idempotency key ("n:<notification id>"
-- for an immediate mail, "digest:<user id>:<Brussels day>" for a digest). SENDING: claimed, the
-- outcome is not known (a crash between sending and recording stays SENDING and is never sent
-- again: at most once); SENT; FAILED: the server refused or was unreachable, retried while
-- attempts < 5. The application never reads or writes it.
CREATE TABLE "NotificationDelivery" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "idempotencyKey" TEXT NOT NULL,
  "userId" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'SENDING',
  "attempts" INTEGER NOT NULL DEFAULT 1,
  "claimedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sentAt" TIMESTAMPTZ(6),
  "failure" TEXT,
  CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "NotificationDelivery_kind_check" CHECK ("kind" IN ('IMMEDIATE', 'DIGEST')),
  CONSTRAINT "NotificationDelivery_status_check" CHECK ("status" IN ('SENDING', 'SENT', 'FAILED')),
  CONSTRAINT "NotificationDelivery_sent_check" CHECK (("status" = 'SENT') = ("sentAt" IS NOT NULL)),
  CONSTRAINT "NotificationDelivery_failure_check" CHECK ("failure" IS NULL OR length("failure") <= 100),
  CONSTRAINT "NotificationDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "NotificationDelivery_idempotencyKey_key" ON "NotificationDelivery"("idempotencyKey");
CREATE INDEX "NotificationDelivery_userId_idx" ON "NotificationDelivery"("userId");
CREATE INDEX "NotificationDelivery_status_idx" ON "NotificationDelivery"("status");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "NotificationDelivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "NotificationDelivery" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "NotificationDelivery" FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_delivery_select ON "NotificationDelivery" FOR SELECT USING (current_user <> 'vhd_app');
CREATE POLICY notification_delivery_insert ON "NotificationDelivery" FOR INSERT WITH CHECK (current_user <> 'vhd_app');
CREATE POLICY notification_delivery_update ON "NotificationDelivery" FOR UPDATE
  USING (current_user <> 'vhd_app') WITH CHECK (current_user <> 'vhd_app');
CREATE POLICY notification_delivery_delete ON "NotificationDelivery" FOR DELETE USING (current_user <> 'vhd_app');
-- no grant to vhd_app: the ledger is the worker's
