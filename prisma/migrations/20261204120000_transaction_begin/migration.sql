-- The start of every use-case transaction in one statement (issue 11 §3).
--
-- withActor (lib/use-case/kernel.ts) began each transaction with two statements: set_config of the
-- session token (and jit off), then the actor. app_begin does both, in that order — a PL/pgSQL
-- body runs its statements one after the other, so the actor query already runs under the token
-- it has just set. The settings are transaction-local and persist after the function returns (it
-- has no SET clause of its own, which would fence them in; names are schema-qualified instead).
-- SECURITY INVOKER: the actor is read as the app role, under row-level security, exactly as before.

CREATE FUNCTION app_begin(p_token text, p_user uuid)
RETURNS TABLE (uid text, name text, active boolean, "organisationId" text, "organisationName" text,
               roles json, "partnerHouses" text[], "participantDossiers" text[])
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_catalog.set_config('app.session_token', p_token, true), pg_catalog.set_config('jit', 'off', true);
  RETURN QUERY
    SELECT public.app_user_id()::text, u."name", u."active", u."organisationId"::text, o."name",
           (SELECT coalesce(json_agg(json_build_object('role', r."role", 'safeHouseId', r."safeHouseId")
                                     ORDER BY r."role", r."safeHouseId"), '[]'::json)
              FROM public."RoleAssignment" r WHERE r."userId" = u."id"),
           (SELECT coalesce(array_agg(c."safeHouseId"::text), '{}')
              FROM public."CorePartnership" c WHERE c."organisationId" = u."organisationId"),
           -- accepted, secrecy acknowledged, not left — and not closed (ADR 0017)
           public.app_open_participations(u."id")::text[]
      FROM public."User" u JOIN public."Organisation" o ON o."id" = u."organisationId"
     WHERE u."id" = p_user;
END $$;
REVOKE ALL ON FUNCTION app_begin(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_begin(text, uuid) TO vhd_app;
