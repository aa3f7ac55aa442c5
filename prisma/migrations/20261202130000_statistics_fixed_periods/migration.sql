-- Statistics only for fixed periods: a whole calendar quarter or a whole calendar year (art. 8,
-- art. 15 §4; ADR 0013). Free ranges let two overlapping periods be subtracted to recover a
-- suppressed count; the aggregate functions now refuse them, whoever calls.
CREATE OR REPLACE FUNCTION statistics_check_period(p_from date, p_to date) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL OR p_from > p_to THEN
    RAISE EXCEPTION 'invalid statistics period' USING ERRCODE = '22023';
  END IF;
  -- a whole year
  IF p_from = make_date(extract(year FROM p_from)::int, 1, 1) AND p_to = make_date(extract(year FROM p_from)::int, 12, 31) THEN
    RETURN;
  END IF;
  -- a whole quarter
  IF extract(day FROM p_from) = 1 AND extract(month FROM p_from)::int IN (1, 4, 7, 10)
     AND p_to = (p_from + interval '3 months' - interval '1 day')::date THEN
    RETURN;
  END IF;
  RAISE EXCEPTION 'statistics exist only per calendar quarter or year (art. 15 §4)' USING ERRCODE = '22023';
END $$;
REVOKE ALL ON FUNCTION statistics_check_period(date, date) FROM PUBLIC;
