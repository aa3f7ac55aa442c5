-- Two requests of one session at the same moment no longer fail (issue 11 §5, found by the
-- benchmark at concurrency 50).
--
-- auth_session_state(token, touch) moves "lastSeenAt" to now() — the start of the request's
-- transaction. When two requests both read the old value and the later one commits first, the
-- earlier one's UPDATE waits for it and then wrote an older time; the guard trigger refuses
-- "activity does not go back in time" (rightly) and the page answered 500. The UPDATE now only
-- moves the time forward: re-checked on the newest row version, the older request writes nothing.

CREATE OR REPLACE FUNCTION auth_session_state(p_token text, p_touch boolean)
RETURNS TABLE (session_id uuid, user_id uuid, needs text, idle_minutes integer, last_seen_at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s "AuthSession";
BEGIN
  s := auth_find_session(p_token);
  IF s."id" IS NULL THEN RETURN; END IF;
  IF p_touch AND s."lastSeenAt" < now() - interval '30 seconds' THEN
    UPDATE "AuthSession" a SET "lastSeenAt" = now()
     WHERE a."id" = s."id" AND a."revokedAt" IS NULL AND a."lastSeenAt" < now();
    s."lastSeenAt" := greatest(s."lastSeenAt", now());
  END IF;
  RETURN QUERY SELECT s."id", s."userId",
    CASE WHEN s."secondFactorAt" IS NOT NULL THEN NULL
         WHEN EXISTS (SELECT 1 FROM "UserTotp" t WHERE t."userId" = s."userId" AND t."confirmedAt" IS NOT NULL) THEN 'verify'
         ELSE 'enrol' END,
    s."idleMinutes", s."lastSeenAt", s."expiresAt";
END $$;
