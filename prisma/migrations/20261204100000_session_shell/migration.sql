-- The layout's shell with the session check, in one statement (issue 11 §3).
--
-- Every page view ran a transaction of five statements for the layout alone (BEGIN, the session
-- token, the actor, the safe-house names, COMMIT) after the session check's own three. The shell
-- shows only the signed-in user's own name, organisation and roles with their safe houses; it
-- now comes with the session check, for the live, completed session of the token and nothing
-- else — the same trust as the actor that row-level security derives from that token (ADR 0020).

CREATE FUNCTION auth_session_shell(p_token text)
RETURNS TABLE (user_id uuid, name text, organisation_name text, roles json)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u."id", u."name", o."name",
         (SELECT coalesce(json_agg(json_build_object('role', r."role", 'safeHouseName', h."name")
                                   ORDER BY r."role", h."name"), '[]'::json)
            FROM "RoleAssignment" r LEFT JOIN "SafeHouse" h ON h."id" = r."safeHouseId"
           WHERE r."userId" = u."id")
    FROM auth_find_session(p_token) s
    JOIN "User" u ON u."id" = s."userId"
    JOIN "Organisation" o ON o."id" = u."organisationId"
   WHERE s."secondFactorAt" IS NOT NULL
$$;
REVOKE ALL ON FUNCTION auth_session_shell(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_session_shell(text) TO vhd_app;
