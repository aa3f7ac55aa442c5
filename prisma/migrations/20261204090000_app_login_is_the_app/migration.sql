-- The database's own login is the application too (ADR 0027, amended).
--
-- Since issue 11 §6 the application connects as `vhd_app_<database>`, a NOINHERIT login that
-- becomes `vhd_app` at connect. The policies test `current_user` and hold unchanged. The
-- SECURITY DEFINER triggers cannot use `current_user` (inside them it is the owner), so they
-- tested `session_user = 'vhd_app'` — and the per-database login's session_user is its own
-- name: the consensus wall, the art. 5 status wall, retention, the closed-dossier wall and the
-- session-bound actor of the access log were silently skipped for the real application.
--
-- One function now answers "is this session the application?": the legacy login `vhd_app`
-- itself, or a login that is a direct member of `vhd_app` and no superuser. The owner
-- (migrations, purge, transfer, tests' owner client) is neither, as before.

CREATE FUNCTION app_is_app_login() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT session_user = 'vhd_app' OR EXISTS (
    SELECT 1
      FROM pg_auth_members m
      JOIN pg_roles g ON g.oid = m.roleid AND g.rolname = 'vhd_app'
      JOIN pg_roles u ON u.oid = m.member AND u.rolname = session_user
     WHERE u.rolcanlogin AND NOT u.rolsuper)
$$;
REVOKE ALL ON FUNCTION app_is_app_login() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_is_app_login() TO vhd_app;

-- Rewrite every other function of this schema that still tests session_user against the role name.
DO $$
DECLARE
  f record;
  v_def text;
BEGIN
  FOR f IN
    SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND p.proname <> 'app_is_app_login' AND p.prosrc ~ 'session_user\s*(<>|=)\s*''vhd_app'''
  LOOP
    v_def := pg_get_functiondef(f.oid);
    v_def := regexp_replace(v_def, 'session_user\s*<>\s*''vhd_app''', 'NOT app_is_app_login()', 'g');
    v_def := regexp_replace(v_def, 'session_user\s*=\s*''vhd_app''', 'app_is_app_login()', 'g');
    EXECUTE v_def;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.proname <> 'app_is_app_login' AND p.prosrc ~ 'session_user\s*(<>|=)\s*''vhd_app''') THEN
    RAISE EXCEPTION 'a function still tests session_user against vhd_app';
  END IF;
END
$$;
