-- Issue 11 (growth): the statistics page read the facts of its year five times — once for the
-- year and once per quarter (statistics_counts and statistics_waiting_times per period), ×7 slower
-- on 10,000 dossiers than on 200. statistics_year reads them once and groups by quarter and by
-- year together (GROUPING SETS). What is counted is defined once: the facts in statistics_facts
-- and statistics_waits, the counting in statistics_tally and statistics_wait_tally; the
-- single-period functions statistics_counts / statistics_waiting_times read the same (ADR 0013,
-- amended).

-- One row per referral submitted in the months [p_from, p_to] of the given safe houses (live
-- dossiers and the anonymised facts of purged ones). Called only by the SECURITY DEFINER
-- statistics functions below (no EXECUTE for the app role).
CREATE FUNCTION statistics_facts(p_houses uuid[], p_from date, p_to date)
RETURNS TABLE (f_key uuid, f_house uuid, f_quarter integer, f_state text, f_forms text[], f_minors boolean, f_kind text)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT d."id",
         d."safeHouseId",
         extract(quarter FROM d."submittedAt" AT TIME ZONE 'Europe/Brussels')::integer,
         CASE d."status"
           WHEN 'SUBMITTED' THEN 'PENDING'
           WHEN 'REFERRED_TO_REGULAR_CARE' THEN 'REFER_TO_REGULAR_CARE'
           WHEN 'ATTACHED_TO_EXISTING_CARE' THEN 'ATTACH_TO_EXISTING_CARE'
           WHEN 'NOT_ADMISSIBLE' THEN 'NOT_ADMISSIBLE'
           WHEN 'IN_TRAJECTORY' THEN 'TRAJECTORY_OPEN'
           WHEN 'CLOSED' THEN 'TRAJECTORY_CLOSED'
         END,
         coalesce(r."violenceForms", '{}'::text[]),
         EXISTS (SELECT 1 FROM "ClientMember" m WHERE m."dossierId" = d."id" AND m."isMinor"),
         o."kind"::text
    FROM "Dossier" d
    LEFT JOIN "Referral" r ON r."dossierId" = d."id"
    LEFT JOIN "Organisation" o ON o."id" = d."referrerOrganisationId"
   WHERE d."safeHouseId" = ANY (p_houses)
     AND d."status" <> 'DRAFT'
     AND d."submittedAt" IS NOT NULL
     AND date_trunc('month', d."submittedAt" AT TIME ZONE 'Europe/Brussels')::date
         BETWEEN date_trunc('month', p_from)::date AND date_trunc('month', p_to)::date
  UNION ALL
  SELECT f."id",
         f."safeHouseId",
         extract(quarter FROM f."submittedMonth")::integer,
         CASE
           WHEN f."finalStatus" = 'SUBMITTED' AND NOT f."admitted" THEN 'PENDING'
           -- a purged trajectory is over, whatever its last status was
           WHEN f."admitted" OR f."finalStatus" IN ('IN_TRAJECTORY', 'CLOSED') THEN 'TRAJECTORY_CLOSED'
           WHEN f."finalStatus" = 'REFERRED_TO_REGULAR_CARE' THEN 'REFER_TO_REGULAR_CARE'
           WHEN f."finalStatus" = 'ATTACHED_TO_EXISTING_CARE' THEN 'ATTACH_TO_EXISTING_CARE'
           ELSE 'NOT_ADMISSIBLE'
         END,
         f."violenceForms",
         f."minorsInvolved",
         f."referrerKind"::text
    FROM "PurgedDossierFact" f
   WHERE f."safeHouseId" = ANY (p_houses)
     AND f."finalStatus" <> 'DRAFT'
     AND f."submittedMonth" IS NOT NULL
     AND date_trunc('month', f."submittedMonth")::date
         BETWEEN date_trunc('month', p_from)::date AND date_trunc('month', p_to)::date
$$;
REVOKE ALL ON FUNCTION statistics_facts(uuid[], date, date) FROM PUBLIC;

-- The days from submission to the admission decision of the decided referrals of those months.
CREATE FUNCTION statistics_waits(p_houses uuid[], p_from date, p_to date)
RETURNS TABLE (w_house uuid, w_quarter integer, w_days integer)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT d."safeHouseId",
         extract(quarter FROM d."submittedAt" AT TIME ZONE 'Europe/Brussels')::integer,
         floor(extract(epoch FROM d."decidedAt" - d."submittedAt") / 86400)::integer
    FROM "Dossier" d
   WHERE d."safeHouseId" = ANY (p_houses)
     AND d."status" NOT IN ('DRAFT', 'SUBMITTED')
     AND d."submittedAt" IS NOT NULL
     AND d."decidedAt" IS NOT NULL
     AND d."decidedAt" >= d."submittedAt"
     AND date_trunc('month', d."submittedAt" AT TIME ZONE 'Europe/Brussels')::date
         BETWEEN date_trunc('month', p_from)::date AND date_trunc('month', p_to)::date
  UNION ALL
  SELECT f."safeHouseId", extract(quarter FROM f."submittedMonth")::integer, f."waitingDays"
    FROM "PurgedDossierFact" f
   WHERE f."safeHouseId" = ANY (p_houses)
     AND f."finalStatus" NOT IN ('DRAFT', 'SUBMITTED')
     AND f."waitingDays" IS NOT NULL
     AND f."waitingDays" >= 0
     AND f."submittedMonth" IS NOT NULL
     AND date_trunc('month', f."submittedMonth")::date
         BETWEEN date_trunc('month', p_from)::date AND date_trunc('month', p_to)::date
$$;
REVOKE ALL ON FUNCTION statistics_waits(uuid[], date, date) FROM PUBLIC;

-- ---------------------------------------------------------------- counting, once
-- Per safe house and category, per quarter and (quarter NULL) over the whole range [p_from, p_to].
-- Only categories with a count > 0; a referral counts once per violence form (codebook forms,
-- anything else as OTHER).
CREATE FUNCTION statistics_tally(p_houses uuid[], p_from date, p_to date)
RETURNS TABLE (quarter integer, safe_house_id uuid, metric text, category text, n bigint)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  WITH facts AS (SELECT * FROM statistics_facts(p_houses, p_from, p_to)),
  forms AS (
    SELECT DISTINCT x.f_key, x.f_house, x.f_quarter,
           CASE WHEN form = ANY (ARRAY['PARTNER_VIOLENCE', 'CHILD_ABUSE', 'CHILDREN_WITNESSING', 'WORRYING_UPBRINGING',
             'HONOUR_RELATED', 'PARENT_ABUSE', 'ELDER_ABUSE', 'SIBLING_VIOLENCE', 'HIGH_CONFLICT_DIVORCE']) THEN form ELSE 'OTHER' END AS f_form
      FROM facts x CROSS JOIN LATERAL unnest(x.f_forms) AS form
  )
  SELECT x.f_quarter, x.f_house, 'state', x.f_state, count(*)
    FROM facts x GROUP BY GROUPING SETS ((x.f_house, x.f_state, x.f_quarter), (x.f_house, x.f_state))
  UNION ALL
  SELECT x.f_quarter, x.f_house, 'minors', CASE WHEN x.f_minors THEN 'YES' ELSE 'NO' END, count(*)
    FROM facts x GROUP BY GROUPING SETS ((x.f_house, x.f_minors, x.f_quarter), (x.f_house, x.f_minors))
  UNION ALL
  SELECT x.f_quarter, x.f_house, 'referrer_kind', coalesce(x.f_kind, 'UNKNOWN'), count(*)
    FROM facts x
   GROUP BY GROUPING SETS ((x.f_house, coalesce(x.f_kind, 'UNKNOWN'), x.f_quarter), (x.f_house, coalesce(x.f_kind, 'UNKNOWN')))
  UNION ALL
  SELECT y.f_quarter, y.f_house, 'violence_form', y.f_form, count(*)
    FROM forms y GROUP BY GROUPING SETS ((y.f_house, y.f_form, y.f_quarter), (y.f_house, y.f_form))
$$;
REVOKE ALL ON FUNCTION statistics_tally(uuid[], date, date) FROM PUBLIC;

-- Decisions with a known waiting time and their median (NULL below 5), per safe house and
-- (safe_house_id NULL) over the whole scope; per quarter and (quarter NULL) over the whole range.
-- The whole-scope, whole-range row is there even when nothing was decided.
CREATE FUNCTION statistics_wait_tally(p_houses uuid[], p_from date, p_to date)
RETURNS TABLE (quarter integer, safe_house_id uuid, decided bigint, median_days double precision)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT w.w_quarter, w.w_house, count(*), CASE WHEN count(*) >= 5 THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY w.w_days) END
    FROM statistics_waits(p_houses, p_from, p_to) w
   GROUP BY GROUPING SETS ((w.w_house, w.w_quarter), (w.w_quarter), (w.w_house), ())
$$;
REVOKE ALL ON FUNCTION statistics_wait_tally(uuid[], date, date) FROM PUBLIC;

-- ---------------------------------------------------------------- one period (as before)
CREATE OR REPLACE FUNCTION statistics_counts(p_from date, p_to date, p_safe_house uuid DEFAULT NULL)
RETURNS TABLE (safe_house_id uuid, metric text, category text, n bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_houses uuid[] := statistics_scope(p_safe_house);
BEGIN
  PERFORM statistics_check_period(p_from, p_to);
  RETURN QUERY
  SELECT t.safe_house_id, t.metric, t.category, t.n FROM statistics_tally(v_houses, p_from, p_to) t WHERE t.quarter IS NULL;
END $$;

CREATE OR REPLACE FUNCTION statistics_waiting_times(p_from date, p_to date, p_safe_house uuid DEFAULT NULL)
RETURNS TABLE (safe_house_id uuid, decided bigint, median_days double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_houses uuid[] := statistics_scope(p_safe_house);
BEGIN
  PERFORM statistics_check_period(p_from, p_to);
  RETURN QUERY
  SELECT t.safe_house_id, t.decided, t.median_days FROM statistics_wait_tally(v_houses, p_from, p_to) t WHERE t.quarter IS NULL;
END $$;

-- ---------------------------------------------------------------- a whole year in one pass
-- quarter NULL is the whole year; in the waiting times safe_house_id NULL is the whole scope.
CREATE FUNCTION statistics_year(p_year integer)
RETURNS TABLE (quarter integer, kind text, safe_house_id uuid, metric text, category text, n bigint, median_days double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_houses uuid[] := statistics_scope(NULL);
BEGIN
  IF p_year IS NULL OR p_year < 2000 OR p_year > 2999 THEN
    RAISE EXCEPTION 'invalid statistics year' USING ERRCODE = '22023';
  END IF;
  RETURN QUERY
  SELECT t.quarter, 'count'::text, t.safe_house_id, t.metric, t.category, t.n, NULL::double precision
    FROM statistics_tally(v_houses, make_date(p_year, 1, 1), make_date(p_year, 12, 31)) t
  UNION ALL
  SELECT w.quarter, 'wait', w.safe_house_id, NULL, NULL, w.decided, w.median_days
    FROM statistics_wait_tally(v_houses, make_date(p_year, 1, 1), make_date(p_year, 12, 31)) w;
END $$;
REVOKE ALL ON FUNCTION statistics_year(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION statistics_year(integer) TO vhd_app;
