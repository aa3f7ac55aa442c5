-- Issue 11 (growth): the statistics page read the facts of its year five times — once for the
-- year and once per quarter (statistics_counts and statistics_waiting_times per period), ×7 slower
-- on 10,000 dossiers than on 200. statistics_year reads them once and groups by quarter and by
-- year together (GROUPING SETS); the counts and the rules are those of statistics_counts and
-- statistics_waiting_times (same scope, same facts, same categories), which stay for single periods.
-- quarter NULL is the whole year; in the waiting times safe_house_id NULL is the whole scope.
CREATE FUNCTION statistics_year(p_year integer)
RETURNS TABLE (quarter integer, kind text, safe_house_id uuid, metric text, category text, n bigint, median_days double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_houses uuid[] := statistics_scope(NULL);
  v_from date;
  v_to date;
  v_forms text[] := ARRAY['PARTNER_VIOLENCE', 'CHILD_ABUSE', 'CHILDREN_WITNESSING', 'WORRYING_UPBRINGING',
                          'HONOUR_RELATED', 'PARENT_ABUSE', 'ELDER_ABUSE', 'SIBLING_VIOLENCE', 'HIGH_CONFLICT_DIVORCE'];
BEGIN
  IF p_year IS NULL OR p_year < 2000 OR p_year > 2999 THEN
    RAISE EXCEPTION 'invalid statistics year' USING ERRCODE = '22023';
  END IF;
  v_from := make_date(p_year, 1, 1);
  v_to := make_date(p_year, 12, 1);
  RETURN QUERY
  WITH facts AS (
    SELECT d."id" AS f_key,
           d."safeHouseId" AS f_house,
           extract(quarter FROM d."submittedAt" AT TIME ZONE 'Europe/Brussels')::integer AS f_quarter,
           CASE d."status"
             WHEN 'SUBMITTED' THEN 'PENDING'
             WHEN 'REFERRED_TO_REGULAR_CARE' THEN 'REFER_TO_REGULAR_CARE'
             WHEN 'ATTACHED_TO_EXISTING_CARE' THEN 'ATTACH_TO_EXISTING_CARE'
             WHEN 'NOT_ADMISSIBLE' THEN 'NOT_ADMISSIBLE'
             WHEN 'IN_TRAJECTORY' THEN 'TRAJECTORY_OPEN'
             WHEN 'CLOSED' THEN 'TRAJECTORY_CLOSED'
           END AS f_state,
           coalesce(r."violenceForms", '{}'::text[]) AS f_forms,
           EXISTS (SELECT 1 FROM "ClientMember" m WHERE m."dossierId" = d."id" AND m."isMinor") AS f_minors,
           o."kind"::text AS f_kind
      FROM "Dossier" d
      LEFT JOIN "Referral" r ON r."dossierId" = d."id"
      LEFT JOIN "Organisation" o ON o."id" = d."referrerOrganisationId"
     WHERE d."safeHouseId" = ANY (v_houses)
       AND d."status" <> 'DRAFT'
       AND d."submittedAt" IS NOT NULL
       AND date_trunc('month', d."submittedAt" AT TIME ZONE 'Europe/Brussels')::date BETWEEN v_from AND v_to
    UNION ALL
    SELECT f."id",
           f."safeHouseId",
           extract(quarter FROM f."submittedMonth")::integer,
           CASE
             WHEN f."finalStatus" = 'SUBMITTED' AND NOT f."admitted" THEN 'PENDING'
             WHEN f."admitted" OR f."finalStatus" IN ('IN_TRAJECTORY', 'CLOSED') THEN 'TRAJECTORY_CLOSED'
             WHEN f."finalStatus" = 'REFERRED_TO_REGULAR_CARE' THEN 'REFER_TO_REGULAR_CARE'
             WHEN f."finalStatus" = 'ATTACHED_TO_EXISTING_CARE' THEN 'ATTACH_TO_EXISTING_CARE'
             ELSE 'NOT_ADMISSIBLE'
           END,
           f."violenceForms",
           f."minorsInvolved",
           f."referrerKind"::text
      FROM "PurgedDossierFact" f
     WHERE f."safeHouseId" = ANY (v_houses)
       AND f."finalStatus" <> 'DRAFT'
       AND f."submittedMonth" IS NOT NULL
       AND date_trunc('month', f."submittedMonth")::date BETWEEN v_from AND v_to
  ),
  forms AS (
    SELECT DISTINCT x.f_key, x.f_house, x.f_quarter, CASE WHEN form = ANY (v_forms) THEN form ELSE 'OTHER' END AS f_form
      FROM facts x CROSS JOIN LATERAL unnest(x.f_forms) AS form
  ),
  waits AS (
    SELECT d."safeHouseId" AS w_house,
           extract(quarter FROM d."submittedAt" AT TIME ZONE 'Europe/Brussels')::integer AS w_quarter,
           floor(extract(epoch FROM d."decidedAt" - d."submittedAt") / 86400)::integer AS w_days
      FROM "Dossier" d
     WHERE d."safeHouseId" = ANY (v_houses)
       AND d."status" NOT IN ('DRAFT', 'SUBMITTED')
       AND d."submittedAt" IS NOT NULL
       AND d."decidedAt" IS NOT NULL
       AND d."decidedAt" >= d."submittedAt"
       AND date_trunc('month', d."submittedAt" AT TIME ZONE 'Europe/Brussels')::date BETWEEN v_from AND v_to
    UNION ALL
    SELECT f."safeHouseId", extract(quarter FROM f."submittedMonth")::integer, f."waitingDays"
      FROM "PurgedDossierFact" f
     WHERE f."safeHouseId" = ANY (v_houses)
       AND f."finalStatus" NOT IN ('DRAFT', 'SUBMITTED')
       AND f."waitingDays" IS NOT NULL
       AND f."waitingDays" >= 0
       AND f."submittedMonth" IS NOT NULL
       AND date_trunc('month', f."submittedMonth")::date BETWEEN v_from AND v_to
  )
  SELECT x.f_quarter, 'count'::text, x.f_house, 'state'::text, x.f_state, count(*), NULL::double precision
    FROM facts x GROUP BY GROUPING SETS ((x.f_house, x.f_state, x.f_quarter), (x.f_house, x.f_state))
  UNION ALL
  SELECT x.f_quarter, 'count', x.f_house, 'minors', CASE WHEN x.f_minors THEN 'YES' ELSE 'NO' END, count(*), NULL
    FROM facts x GROUP BY GROUPING SETS ((x.f_house, x.f_minors, x.f_quarter), (x.f_house, x.f_minors))
  UNION ALL
  SELECT x.f_quarter, 'count', x.f_house, 'referrer_kind', coalesce(x.f_kind, 'UNKNOWN'), count(*), NULL
    FROM facts x GROUP BY GROUPING SETS ((x.f_house, coalesce(x.f_kind, 'UNKNOWN'), x.f_quarter), (x.f_house, coalesce(x.f_kind, 'UNKNOWN')))
  UNION ALL
  SELECT y.f_quarter, 'count', y.f_house, 'violence_form', y.f_form, count(*), NULL
    FROM forms y GROUP BY GROUPING SETS ((y.f_house, y.f_form, y.f_quarter), (y.f_house, y.f_form))
  UNION ALL
  SELECT w.w_quarter, 'wait', w.w_house, NULL, NULL, count(*),
         CASE WHEN count(*) >= 5 THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY w.w_days) END
    FROM waits w GROUP BY GROUPING SETS ((w.w_house, w.w_quarter), (w.w_quarter), (w.w_house), ());
END $$;
REVOKE ALL ON FUNCTION statistics_year(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION statistics_year(integer) TO vhd_app;
