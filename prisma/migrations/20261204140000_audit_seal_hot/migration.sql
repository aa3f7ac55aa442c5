-- ADR 0028, cheaper sealing: sealing writes each access-log row a second time (its hashes).
--
-- 1. The partial index on unsealed rows served nobody (the sealer walks "seq" after its last
--    sealed number) but made every seal a non-HOT update: a column in an index predicate changed,
--    so all nine indexes got a second entry for every row.
-- 2. The month partitions keep 20 % of each page free, so that the sealed row (about 130 bytes
--    longer) fits on its own page and the update can be HOT (no new index entries).
DROP INDEX IF EXISTS "AuditEvent_unsealed_idx";

DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = '"AuditEvent"'::regclass
  LOOP
    EXECUTE format('ALTER TABLE %I SET (fillfactor = 80)', p.relname);
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION audit_partitions_ensure(p_from timestamptz, p_to timestamptz) RETURNS integer
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
