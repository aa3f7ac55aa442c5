-- Issue 14 §3, ADR 0046: what /api/metrics reads at scrape time as the app role, counts only
-- (no personal data): pg-boss's jobs per queue and state (the worker is another process), the
-- purges in the access log, and the newest access-log chain check.
CREATE FUNCTION ops_metrics()
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_jobs jsonb := '[]'::jsonb;
  v_chain jsonb;
BEGIN
  -- pg-boss creates its schema when the worker first starts: absent before that
  IF to_regclass('pgboss.job') IS NOT NULL THEN
    EXECUTE $q$SELECT coalesce(jsonb_agg(jsonb_build_object('queue', name, 'state', state::text, 'n', n)), '[]'::jsonb)
               FROM (SELECT name, state, count(*) AS n FROM pgboss.job GROUP BY name, state) j$q$ INTO v_jobs;
  END IF;
  SELECT jsonb_build_object('ok', v."ok", 'verifiedAt', extract(epoch FROM v."verifiedAt"), 'toSeq', v."toSeq")
    INTO v_chain FROM "AuditVerification" v ORDER BY v."id" DESC LIMIT 1;
  RETURN jsonb_build_object(
    'jobs', v_jobs,
    'purges', (SELECT count(*) FROM "AuditEvent" e WHERE e."action" = 'retention.purge'),
    'chain', v_chain);
END $$;
REVOKE ALL ON FUNCTION ops_metrics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops_metrics() TO vhd_app;
