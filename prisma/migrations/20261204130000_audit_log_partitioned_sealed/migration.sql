-- Issue 11 §4 (ADR 0028): the access log grows for years without one global lock.
--
-- 1. No global lock per transaction. audit_append took pg_advisory_xact_lock(7270458) and held it
--    until COMMIT in every transaction of every instance (reads append too), to read the previous
--    row's hash and take the next number. Now it takes the number from a sequence and writes the
--    row without a hash; the worker *seals* the rows — links each to the previous one with the
--    same hash as before — in sequence order (audit_seal). Only the sealer serialises, on its own
--    state row; requests never wait for one another.
--    Numbers may now have gaps (a transaction that rolls back used one); the chain still links
--    every row to the previous *present* row, so a removed or inserted row still breaks it. The
--    sealer never skips a number that a running transaction still holds (see audit_seal).
-- 2. Partitioned by month on "occurredAt", so that old months can be kept, archived or detached
--    without rewriting the table. audit_partitions_ensure creates the months ahead (the worker
--    every day, this migration for the months around now); a DEFAULT partition takes whatever
--    falls outside, and its rows move into their month when that month's partition is created.

-- ---------------------------------------------------------------- the new table
ALTER TABLE "AuditEvent" RENAME TO "AuditEvent_unpartitioned";
ALTER TABLE "AuditEvent_unpartitioned" RENAME CONSTRAINT "AuditEvent_pkey" TO "AuditEvent_unpartitioned_pkey";
ALTER SEQUENCE "AuditEvent_id_seq" OWNED BY NONE;
DO $$
DECLARE i record;
BEGIN
  FOR i IN SELECT indexname FROM pg_indexes WHERE tablename = 'AuditEvent_unpartitioned' AND indexname LIKE 'AuditEvent\_%' AND indexname NOT LIKE '%pkey'
  LOOP
    EXECUTE format('DROP INDEX %I', i.indexname);
  END LOOP;
END
$$;

CREATE TABLE "AuditEvent" (
  "id" BIGINT NOT NULL DEFAULT nextval('"AuditEvent_id_seq"'),
  "seq" BIGINT NOT NULL,
  "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actorUserId" UUID,
  "actorOrganisationId" UUID,
  "actorRoles" TEXT NOT NULL DEFAULT '',
  "safeHouseId" UUID,
  "action" TEXT NOT NULL,
  "objectType" TEXT NOT NULL,
  "objectId" TEXT,
  "dossierId" UUID,
  "purpose" TEXT NOT NULL,
  "reason" TEXT,
  "outcome" "AuditOutcome" NOT NULL,
  -- NULL until the sealer links the row (both at once)
  "prevHash" TEXT,
  "hash" TEXT,
  CONSTRAINT "AuditEvent_sealed_whole" CHECK (("prevHash" IS NULL) = ("hash" IS NULL)),
  CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id", "occurredAt")
) PARTITION BY RANGE ("occurredAt");
ALTER SEQUENCE "AuditEvent_id_seq" OWNED BY "AuditEvent"."id";

CREATE TABLE "AuditEvent_default" PARTITION OF "AuditEvent" DEFAULT;

-- The month partitions for [p_from, p_to] (UTC months). Rows of such a month that wait in the
-- DEFAULT partition move into the new partition (their hashes do not change). Each keeps 20 % of
-- its pages free: sealing writes the row again, about 130 bytes longer, and with room on its own
-- page (and no index on the hash columns) that is a HOT update without new index entries.
CREATE FUNCTION audit_partitions_ensure(p_from timestamptz, p_to timestamptz) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  v_month timestamptz := date_trunc('month', p_from AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  v_next timestamptz;
  v_name text;
  v_created integer := 0;
BEGIN
  WHILE v_month <= p_to LOOP
    v_next := (date_trunc('month', v_month AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    v_name := 'AuditEvent_' || to_char(v_month AT TIME ZONE 'UTC', 'YYYY_MM');
    IF to_regclass(format('%I', v_name)) IS NULL THEN
      IF EXISTS (SELECT 1 FROM "AuditEvent_default" WHERE "occurredAt" >= v_month AND "occurredAt" < v_next) THEN
        EXECUTE format('CREATE TABLE %I (LIKE "AuditEvent" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) WITH (fillfactor = 80)', v_name);
        EXECUTE format('WITH moved AS (DELETE FROM "AuditEvent_default" WHERE "occurredAt" >= %L AND "occurredAt" < %L RETURNING *)
                        INSERT INTO %I SELECT * FROM moved', v_month, v_next, v_name);
        EXECUTE format('ALTER TABLE "AuditEvent" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', v_name, v_month, v_next);
      ELSE
        EXECUTE format('CREATE TABLE %I PARTITION OF "AuditEvent" FOR VALUES FROM (%L) TO (%L) WITH (fillfactor = 80)',
                       v_name, v_month, v_next);
      END IF;
      v_created := v_created + 1;
    END IF;
    v_month := v_next;
  END LOOP;
  RETURN v_created;
END
$$;
REVOKE ALL ON FUNCTION audit_partitions_ensure(timestamptz, timestamptz) FROM PUBLIC;

SELECT audit_partitions_ensure(
  least(coalesce((SELECT min("occurredAt") FROM "AuditEvent_unpartitioned"), now()), now()),
  now() + interval '2 months');

INSERT INTO "AuditEvent" ("id", "seq", "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles", "safeHouseId",
  "action", "objectType", "objectId", "dossierId", "purpose", "reason", "outcome", "prevHash", "hash")
SELECT "id", "seq", "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles", "safeHouseId",
  "action", "objectType", "objectId", "dossierId", "purpose", "reason", "outcome", "prevHash", "hash"
  FROM "AuditEvent_unpartitioned";
DROP TABLE "AuditEvent_unpartitioned";

-- a number is used once (the sequence guarantees it; the index makes lookups by number cheap)
CREATE INDEX "AuditEvent_seq_idx" ON "AuditEvent"("seq");
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");
CREATE INDEX "AuditEvent_objectId_idx" ON "AuditEvent"("objectId");
CREATE INDEX "AuditEvent_actorUserId_seq_idx" ON "AuditEvent"("actorUserId", "seq");
CREATE INDEX "AuditEvent_actorOrganisationId_seq_idx" ON "AuditEvent"("actorOrganisationId", "seq");
CREATE INDEX "AuditEvent_dossierId_seq_idx" ON "AuditEvent"("dossierId", "seq");
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");
CREATE INDEX "AuditEvent_purpose_seq_idx" ON "AuditEvent"("purpose", "seq");
-- (no index mentions the hash columns: the seal can then be a HOT update, see below)

-- ---------------------------------------------------------------- who may do what
-- As before: the DPO / supervisor reads through the app (the partitions themselves are not
-- granted, so they cannot be read around the policy); only the owner writes — audit_append
-- inserts, the sealer fills in the hashes.
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_select ON "AuditEvent" FOR SELECT USING (
  current_user <> 'vhd_app' OR 'DPO' = ANY ((SELECT app_roles())::text[]));
CREATE POLICY audit_insert ON "AuditEvent" FOR INSERT WITH CHECK (current_user <> 'vhd_app');
CREATE POLICY audit_seal ON "AuditEvent" FOR UPDATE USING (current_user <> 'vhd_app') WITH CHECK (current_user <> 'vhd_app');
GRANT SELECT ON "AuditEvent" TO vhd_app;

-- ---------------------------------------------------------------- appending: no lock
CREATE SEQUENCE "AuditEvent_seq_seq" AS bigint;
SELECT setval('"AuditEvent_seq_seq"', coalesce((SELECT max("seq") FROM "AuditEvent"), 0) + 1, false);

CREATE OR REPLACE FUNCTION audit_append(
  p_user uuid, p_org uuid, p_roles text, p_house uuid, p_action text, p_object_type text,
  p_object_id text, p_dossier uuid, p_purpose text, p_reason text, p_outcome text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
  v_seq bigint;
  v_session_user uuid;
BEGIN
  IF app_is_app_login() THEN
    v_session_user := app_session_user();
    IF v_session_user IS NOT NULL THEN
      p_user := v_session_user;
      SELECT u."organisationId" INTO p_org FROM "User" u WHERE u."id" = v_session_user;
    ELSIF p_action NOT LIKE 'auth.%' THEN
      RAISE EXCEPTION 'audit_append: no live session' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  -- The transaction gets its id *before* it takes a number: the sealer relies on that to know
  -- when a missing number can no longer appear (audit_seal).
  PERFORM pg_current_xact_id();
  v_seq := nextval('"AuditEvent_seq_seq"');
  INSERT INTO "AuditEvent" ("seq", "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles",
    "safeHouseId", "action", "objectType", "objectId", "dossierId", "purpose", "reason", "outcome")
  VALUES (v_seq, date_trunc('milliseconds', clock_timestamp()), p_user, p_org, coalesce(p_roles, ''), p_house,
    p_action, p_object_type, p_object_id, p_dossier, p_purpose, p_reason, p_outcome::"AuditOutcome");
  RETURN v_seq;
END
$$;
REVOKE ALL ON FUNCTION audit_append(uuid, uuid, text, uuid, text, text, text, uuid, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(uuid, uuid, text, uuid, text, text, text, uuid, text, text, text) TO vhd_app;

-- ---------------------------------------------------------------- sealing
-- The sealer's place in the log: the last sealed row, and what it knows about missing numbers.
CREATE TABLE "AuditSeal" (
  "id" INTEGER PRIMARY KEY CHECK ("id" = 1),
  "sealedSeq" BIGINT NOT NULL CHECK ("sealedSeq" >= 0),
  "sealedHash" TEXT NOT NULL CHECK ("sealedHash" ~ '^[0-9a-f]{64}$'),
  -- a missing number below "horizonSeq" is final once every transaction with an id below
  -- "horizonXmax" has ended (see audit_seal)
  "horizonSeq" BIGINT NOT NULL DEFAULT 0,
  "horizonXmax" BIGINT, -- a full (epoch-extended) transaction id, xid8 as bigint
  "sealedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
INSERT INTO "AuditSeal" ("id", "sealedSeq", "sealedHash")
SELECT 1, coalesce(max("seq"), 0),
       coalesce((SELECT e."hash" FROM "AuditEvent" e ORDER BY e."seq" DESC LIMIT 1), repeat('0', 64))
  FROM "AuditEvent";
ALTER TABLE "AuditSeal" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditSeal" FORCE ROW LEVEL SECURITY;
-- the sealer's own state: read and moved on by the owner only (the app role has no grant either)
CREATE POLICY audit_seal_select ON "AuditSeal" FOR SELECT USING (current_user <> 'vhd_app');
CREATE POLICY audit_seal_update ON "AuditSeal" FOR UPDATE USING (current_user <> 'vhd_app') WITH CHECK (current_user <> 'vhd_app');

-- Seals up to p_limit rows after the last sealed one, in sequence order; returns how many.
--
-- A number that is missing may belong to a transaction that has not committed yet; sealing past
-- it would leave that row outside the chain. It is skipped only when it is known to be final:
-- audit_append assigns the transaction id before nextval, so the holder of a number below the
-- highest number this run can see has an id below this run's snapshot xmax. Once a later run's
-- snapshot xmin has passed that xmax, every such transaction has ended, and a number that is
-- still missing was rolled back. Until then the sealer stops at the gap and tries again later.
CREATE FUNCTION audit_seal(p_limit integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  v_state "AuditSeal";
  v_final_below bigint := 0;
  v_expected bigint;
  v_prev text;
  v_hash text;
  v_count integer := 0;
  v_max bigint;
  r record;
BEGIN
  SELECT * INTO v_state FROM "AuditSeal" WHERE "id" = 1 FOR UPDATE;
  -- (a statement of its own, before the rows are read: its snapshot is older than theirs)
  IF v_state."horizonXmax" IS NOT NULL
     AND pg_snapshot_xmin(pg_current_snapshot())::text::bigint >= v_state."horizonXmax" THEN
    v_final_below := v_state."horizonSeq";
  END IF;
  v_expected := v_state."sealedSeq" + 1;
  v_prev := v_state."sealedHash";
  FOR r IN
    SELECT e."seq", e."occurredAt", e."actorUserId", e."actorOrganisationId", e."actorRoles", e."safeHouseId",
           e."action", e."objectType", e."objectId", e."dossierId", e."purpose", e."reason", e."outcome"::text AS outcome
      FROM "AuditEvent" e
     WHERE e."seq" > v_state."sealedSeq"
     ORDER BY e."seq"
     LIMIT greatest(p_limit, 0)
  LOOP
    -- numbers v_expected .. r.seq - 1 are missing: go on only when all of them are final
    EXIT WHEN r."seq" > v_expected AND r."seq" - 1 >= v_final_below;
    v_hash := encode(sha256(convert_to(audit_canonical(r."seq", r."occurredAt", r."actorUserId", r."actorOrganisationId",
                r."actorRoles", r."safeHouseId", r."action", r."objectType", r."objectId", r."dossierId", r."purpose",
                r."reason", r.outcome, v_prev), 'UTF8')), 'hex');
    UPDATE "AuditEvent" SET "prevHash" = v_prev, "hash" = v_hash WHERE "seq" = r."seq" AND "occurredAt" = r."occurredAt";
    v_prev := v_hash;
    v_expected := r."seq" + 1;
    v_count := v_count + 1;
  END LOOP;
  -- what this run saw becomes the next run's horizon (taken after the rows were read)
  SELECT max(e."seq") INTO v_max FROM "AuditEvent" e WHERE e."seq" > v_expected - 1;
  UPDATE "AuditSeal"
     SET "sealedSeq" = v_expected - 1, "sealedHash" = v_prev, "sealedAt" = now(),
         "horizonSeq" = coalesce(v_max, v_expected - 1),
         "horizonXmax" = pg_snapshot_xmax(pg_current_snapshot())::text::bigint
   WHERE "id" = 1;
  RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION audit_seal(integer) FROM PUBLIC;
