-- Anonymised statistics (art. 8, art. 15 §4): aggregate functions only.
--
-- Analysts of the Agency have no row access to dossiers (RLS on "Dossier" and its children
-- returns nothing for them) and purged facts are readable by the owner only. These SECURITY
-- DEFINER functions read as the owner and hand back ONLY aggregates: counts per safe house and
-- category, and a median. Never a row, a dossier id, a date of one dossier or free text.
--
-- The scope is decided here, from the transaction's actor settings (lib/db/scoped.ts), never
-- from the caller's arguments: the Agency's analysts get every safe house, a coordinator (or
-- representative) the safe houses they coordinate, anyone else an error. A safe-house filter
-- outside that scope yields nothing.
--
-- Periods are whole months of submission (the purged facts keep months only): a referral
-- counts when the month of its submission (Europe/Brussels) lies between the month of p_from
-- and the month of p_to. Drafts never count. Suppression of small numbers (threshold 5) is
-- done by the application on everything it shows (lib/reporting/suppression.ts); here the
-- median is withheld for fewer than 5 decisions as a second wall, as a median of one or two
-- values is the value of a single dossier.
-- No tables or views are added (tests/integration/schema-drift.test.ts).

-- ---------------------------------------------------------------- scope
-- The safe houses the current actor may have statistics of, narrowed to p_safe_house when given
-- (empty when that house is outside the scope). Raises 42501 for any other actor.
-- Called only from the SECURITY DEFINER functions below (so it runs as the owner).
CREATE FUNCTION statistics_scope(p_safe_house uuid) RETURNS uuid[]
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
DECLARE
  v_roles text[] := app_roles();
  v_houses uuid[];
BEGIN
  IF 'AGENCY_ANALYST' = ANY (v_roles) THEN
    SELECT coalesce(array_agg(h."id"), '{}') INTO v_houses FROM "SafeHouse" h;
  ELSIF 'COORDINATOR' = ANY (v_roles) OR 'COORDINATOR_REPRESENTATIVE' = ANY (v_roles) THEN
    v_houses := app_uuids('app.coordinator_houses');
  ELSE
    RAISE EXCEPTION 'statistics are not available for this actor' USING ERRCODE = '42501';
  END IF;
  IF p_safe_house IS NOT NULL THEN
    v_houses := CASE WHEN p_safe_house = ANY (v_houses) THEN ARRAY[p_safe_house] ELSE '{}'::uuid[] END;
  END IF;
  RETURN v_houses;
END $$;
REVOKE ALL ON FUNCTION statistics_scope(uuid) FROM PUBLIC;

CREATE FUNCTION statistics_check_period(p_from date, p_to date) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL OR p_from > p_to THEN
    RAISE EXCEPTION 'invalid statistics period' USING ERRCODE = '22023';
  END IF;
END $$;
REVOKE ALL ON FUNCTION statistics_check_period(date, date) FROM PUBLIC;

-- ---------------------------------------------------------------- counts
-- One row per (safe house, metric, category) with a count > 0:
--   state          PENDING | REFER_TO_REGULAR_CARE | ATTACH_TO_EXISTING_CARE | NOT_ADMISSIBLE
--                  | TRAJECTORY_OPEN | TRAJECTORY_CLOSED   (a partition of the referrals)
--   violence_form  a code of lib/referrals/schemas.ts VIOLENCE_FORMS, else OTHER (per referral,
--                  a referral may have several)
--   minors         YES | NO (a minor member in the client system)
--   referrer_kind  the OrganisationKind of the referring organisation, else UNKNOWN
CREATE FUNCTION statistics_counts(p_from date, p_to date, p_safe_house uuid DEFAULT NULL)
RETURNS TABLE (safe_house_id uuid, metric text, category text, n bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_houses uuid[] := statistics_scope(p_safe_house);
  v_from date;
  v_to date;
  v_forms text[] := ARRAY['PARTNER_VIOLENCE', 'CHILD_ABUSE', 'CHILDREN_WITNESSING', 'WORRYING_UPBRINGING',
                          'HONOUR_RELATED', 'PARENT_ABUSE', 'ELDER_ABUSE', 'SIBLING_VIOLENCE', 'HIGH_CONFLICT_DIVORCE'];
BEGIN
  PERFORM statistics_check_period(p_from, p_to);
  v_from := date_trunc('month', p_from)::date;
  v_to := date_trunc('month', p_to)::date;
  RETURN QUERY
  WITH facts AS (
    SELECT d."id" AS f_key,
           d."safeHouseId" AS f_house,
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
     WHERE f."safeHouseId" = ANY (v_houses)
       AND f."finalStatus" <> 'DRAFT'
       AND f."submittedMonth" IS NOT NULL
       AND date_trunc('month', f."submittedMonth")::date BETWEEN v_from AND v_to
  ),
  forms AS (
    SELECT DISTINCT x.f_key, x.f_house, CASE WHEN form = ANY (v_forms) THEN form ELSE 'OTHER' END AS f_form
      FROM facts x CROSS JOIN LATERAL unnest(x.f_forms) AS form
  )
  SELECT x.f_house, 'state'::text, x.f_state, count(*) FROM facts x GROUP BY x.f_house, x.f_state
  UNION ALL
  SELECT x.f_house, 'minors'::text, CASE WHEN x.f_minors THEN 'YES' ELSE 'NO' END, count(*)
    FROM facts x GROUP BY x.f_house, x.f_minors
  UNION ALL
  SELECT x.f_house, 'referrer_kind'::text, coalesce(x.f_kind, 'UNKNOWN'), count(*)
    FROM facts x GROUP BY x.f_house, coalesce(x.f_kind, 'UNKNOWN')
  UNION ALL
  SELECT y.f_house, 'violence_form'::text, y.f_form, count(*) FROM forms y GROUP BY y.f_house, y.f_form;
END $$;
REVOKE ALL ON FUNCTION statistics_counts(date, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION statistics_counts(date, date, uuid) TO vhd_app;

-- ---------------------------------------------------------------- waiting times
-- Days from submission to the admission decision, for decided referrals: per safe house and, in
-- the row with safe_house_id NULL, over the whole scope. `decided` counts the decisions with a
-- known waiting time; the median is NULL below 5 of them.
CREATE FUNCTION statistics_waiting_times(p_from date, p_to date, p_safe_house uuid DEFAULT NULL)
RETURNS TABLE (safe_house_id uuid, decided bigint, median_days double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_houses uuid[] := statistics_scope(p_safe_house);
  v_from date;
  v_to date;
BEGIN
  PERFORM statistics_check_period(p_from, p_to);
  v_from := date_trunc('month', p_from)::date;
  v_to := date_trunc('month', p_to)::date;
  RETURN QUERY
  WITH waits AS (
    SELECT d."safeHouseId" AS w_house,
           floor(extract(epoch FROM d."decidedAt" - d."submittedAt") / 86400)::integer AS w_days
      FROM "Dossier" d
     WHERE d."safeHouseId" = ANY (v_houses)
       AND d."status" NOT IN ('DRAFT', 'SUBMITTED')
       AND d."submittedAt" IS NOT NULL
       AND d."decidedAt" IS NOT NULL
       AND d."decidedAt" >= d."submittedAt"
       AND date_trunc('month', d."submittedAt" AT TIME ZONE 'Europe/Brussels')::date BETWEEN v_from AND v_to
    UNION ALL
    SELECT f."safeHouseId", f."waitingDays"
      FROM "PurgedDossierFact" f
     WHERE f."safeHouseId" = ANY (v_houses)
       AND f."finalStatus" NOT IN ('DRAFT', 'SUBMITTED')
       AND f."waitingDays" IS NOT NULL
       AND f."waitingDays" >= 0
       AND f."submittedMonth" IS NOT NULL
       AND date_trunc('month', f."submittedMonth")::date BETWEEN v_from AND v_to
  )
  SELECT w.w_house,
         count(*),
         CASE WHEN count(*) >= 5 THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY w.w_days) END
    FROM waits w
   GROUP BY GROUPING SETS ((w.w_house), ());
END $$;
REVOKE ALL ON FUNCTION statistics_waiting_times(date, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION statistics_waiting_times(date, date, uuid) TO vhd_app;
