-- Issue 14 §3, ADR 0046: the job worker's heartbeat, and what /api/ready may read as the app role.
-- One row per worker process (its id), written every 15 s by the worker (as the database owner).
CREATE TABLE "WorkerHeartbeat" (
  "workerId" text PRIMARY KEY,
  "beatAt" timestamptz NOT NULL DEFAULT now(),
  "startedAt" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX "WorkerHeartbeat_beatAt_idx" ON "WorkerHeartbeat"("beatAt");
ALTER TABLE "WorkerHeartbeat" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkerHeartbeat" FORCE ROW LEVEL SECURITY;
-- Only the owner (the worker) writes; the app role has no grant at all and reads through
-- ops_readiness() below. The policies are for the owner, who is subject to FORCE.
CREATE POLICY worker_heartbeat_select ON "WorkerHeartbeat" FOR SELECT USING ((select current_user) <> 'vhd_app');
CREATE POLICY worker_heartbeat_insert ON "WorkerHeartbeat" FOR INSERT WITH CHECK ((select current_user) <> 'vhd_app');
CREATE POLICY worker_heartbeat_update ON "WorkerHeartbeat" FOR UPDATE USING ((select current_user) <> 'vhd_app')
  WITH CHECK ((select current_user) <> 'vhd_app');
CREATE POLICY worker_heartbeat_delete ON "WorkerHeartbeat" FOR DELETE USING ((select current_user) <> 'vhd_app');
REVOKE ALL ON "WorkerHeartbeat" FROM PUBLIC;

-- What readiness needs, without personal data: the names of the applied migrations (our runner's
-- bookkeeping, "_prisma_migrations") and the newest heartbeat.
CREATE FUNCTION ops_readiness()
RETURNS TABLE (applied text[], last_beat timestamptz, db_now timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT
    coalesce((SELECT array_agg(m.migration_name ORDER BY m.migration_name) FROM "_prisma_migrations" m
               WHERE m.rolled_back_at IS NULL AND m.finished_at IS NOT NULL), ARRAY[]::text[]),
    (SELECT max(h."beatAt") FROM "WorkerHeartbeat" h),
    now()
$$;
REVOKE ALL ON FUNCTION ops_readiness() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops_readiness() TO vhd_app;
