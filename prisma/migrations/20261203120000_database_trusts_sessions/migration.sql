-- The database trusts a live session, not a claim (issue 9 §3; ADR 0020).
--
-- Until now the app set app.user_id, app.coordinator_houses, … and row-level security believed
-- them: whoever held the app role's password could act as anyone, read every password hash and
-- write users and roles. From here on:
--   * the app sets only app.session_token; who the actor is — user, organisation, roles, safe
--     houses, open cases — is computed inside the database from a live session (not ended, not
--     expired, not idle, second factor given), by SECURITY DEFINER functions;
--   * a session can only be made by proving the password (its argon2id digest, computed by the
--     app with the salt the database hands out) or by an OIDC login, and completed only with a
--     TOTP code or recovery code checked inside the database;
--   * the app role cannot read password hashes, TOTP secrets, recovery codes or sessions, nor
--     write users and role assignments;
--   * audit_append takes the actor from the session, not from its parameters.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Keys that never leave the database: a pepper for the fake salts of unknown e-mail addresses,
-- and the key of the recovery-code hashes.
CREATE TABLE "AuthKey" ("name" text PRIMARY KEY, "key" bytea NOT NULL CHECK (length("key") >= 32));
INSERT INTO "AuthKey" ("name", "key") VALUES ('fake-salt', gen_random_bytes(32)), ('recovery-code', gen_random_bytes(32));

-- ---------------------------------------------------------------- building blocks
CREATE FUNCTION auth_token_hash(p_token text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex') $$;

CREATE FUNCTION auth_new_token() RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT translate(rtrim(encode(gen_random_bytes(32), 'base64'), '='), '+/', '-_') $$;

-- the live session of a token (all NULL when there is none)
CREATE FUNCTION auth_find_session(p_token text) RETURNS "AuthSession"
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.* FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId"
   WHERE p_token ~ '^[A-Za-z0-9_-]{43}$' AND s."tokenHash" = auth_token_hash(p_token)
     AND s."revokedAt" IS NULL AND u."active" AND s."expiresAt" > now()
     AND s."lastSeenAt" + make_interval(mins => s."idleMinutes") > now()
$$;

-- whoever sees case content or the access log gets the short idle time
CREATE FUNCTION auth_sees_content(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM "RoleAssignment" r WHERE r."userId" = p_user
    AND r."role" IN ('REFERRER', 'CORE_PARTNER_STAFF', 'MANDATED_AGENCY_STAFF', 'COORDINATOR', 'COORDINATOR_REPRESENTATIVE', 'DPO'))
$$;

-- ---------------------------------------------------------------- the actor, from the session
CREATE FUNCTION app_session_user() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s."userId" FROM auth_find_session(nullif(current_setting('app.session_token', true), '')) s
   WHERE s."secondFactorAt" IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT app_session_user() $$;

CREATE OR REPLACE FUNCTION app_organisation_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT u."organisationId" FROM "User" u WHERE u."id" = app_session_user() $$;

CREATE OR REPLACE FUNCTION app_roles() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT coalesce(array_agg(DISTINCT r."role"::text), '{}') FROM "RoleAssignment" r WHERE r."userId" = app_session_user() $$;

-- What used to be settings the app could write: computed here, from the session's user.
CREATE OR REPLACE FUNCTION app_uuids(setting text) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE setting
    WHEN 'app.coordinator_houses' THEN (
      SELECT coalesce(array_agg(DISTINCT r."safeHouseId"), '{}') FROM "RoleAssignment" r
       WHERE r."userId" = app_session_user() AND r."role" IN ('COORDINATOR', 'COORDINATOR_REPRESENTATIVE') AND r."safeHouseId" IS NOT NULL)
    WHEN 'app.core_partner_houses' THEN (
      SELECT coalesce(array_agg(DISTINCT r."safeHouseId"), '{}') FROM "RoleAssignment" r
        JOIN "User" u ON u."id" = r."userId"
        JOIN "CorePartnership" c ON c."organisationId" = u."organisationId" AND c."safeHouseId" = r."safeHouseId"
       WHERE r."userId" = app_session_user() AND r."role" = 'CORE_PARTNER_STAFF')
    WHEN 'app.participant_dossiers' THEN app_open_participations(app_session_user())
    ELSE '{}'::uuid[] END
$$;

-- ---------------------------------------------------------------- password step
-- The salt and parameters of the stored argon2id hash (never the hash): the app computes the
-- digest of the typed password with them. Unknown addresses get a stable fake salt.
CREATE FUNCTION auth_password_salt(p_email text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(
    (SELECT substring(u."passwordHash" from '^(\$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+)\$[A-Za-z0-9+/]+$')
       FROM "User" u WHERE u."email" = lower(btrim(p_email))),
    '$argon2id$v=19$m=19456,t=2,p=1$' || substr(rtrim(encode(hmac(convert_to(lower(btrim(coalesce(p_email, ''))), 'UTF8'),
      (SELECT k."key" FROM "AuthKey" k WHERE k."name" = 'fake-salt'), 'sha256'), 'base64'), '='), 1, 22))
$$;

-- A new session for a user who just proved who they are; returns its token (only this once).
-- The idle time follows the roles (ADR 18); the lifetime is bounded by a CHECK (24 h).
CREATE FUNCTION auth_open_session(p_user uuid, p_idle_content integer, p_idle_other integer, p_max_hours integer,
                                  p_user_agent text, p_client text, p_method "SecondFactorMethod") RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_token text := auth_new_token();
BEGIN
  UPDATE "User" u SET "lastLoginAt" = now() WHERE u."id" = p_user;
  INSERT INTO "AuthSession" ("userId", "tokenHash", "expiresAt", "idleMinutes", "userAgent", "clientAddress",
                             "secondFactorAt", "secondFactorMethod")
  VALUES (p_user, auth_token_hash(v_token), now() + make_interval(hours => least(greatest(p_max_hours, 1), 24)),
          CASE WHEN auth_sees_content(p_user) THEN p_idle_content ELSE p_idle_other END,
          left(p_user_agent, 300), left(p_client, 100), CASE WHEN p_method IS NULL THEN NULL ELSE now() END, p_method);
  RETURN v_token;
END $$;

-- The password step: the digest must match the stored hash of an active account. Makes a
-- session that still needs the second factor and returns its token (only this once).
CREATE FUNCTION auth_login(p_email text, p_digest text, p_idle_content integer, p_idle_other integer,
                           p_max_hours integer, p_user_agent text, p_client text)
RETURNS TABLE (user_id uuid, user_name text, organisation_id uuid, token text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_user "User";
BEGIN
  SELECT u.* INTO v_user FROM "User" u WHERE u."email" = lower(btrim(p_email));
  IF v_user."id" IS NULL OR NOT v_user."active" OR v_user."passwordHash" IS NULL OR p_digest IS NULL
     OR v_user."passwordHash" <> auth_password_salt(p_email) || '$' || p_digest THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT v_user."id", v_user."name", v_user."organisationId",
    auth_open_session(v_user."id", p_idle_content, p_idle_other, p_max_hours, p_user_agent, p_client, NULL);
END $$;

-- An OIDC login (the IdP asserted a second factor; the app checked the ID token): by subject,
-- or the first time by a verified e-mail address. The session needs no local second factor.
CREATE FUNCTION auth_oidc_login(p_subject text, p_email text, p_idle_content integer, p_idle_other integer,
                                p_max_hours integer, p_user_agent text, p_client text)
RETURNS TABLE (user_id uuid, organisation_id uuid, active boolean, token text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_user "User";
BEGIN
  SELECT u.* INTO v_user FROM "User" u WHERE u."oidcSubject" = p_subject;
  IF v_user."id" IS NULL AND p_email IS NOT NULL THEN
    UPDATE "User" u SET "oidcSubject" = p_subject WHERE u."email" = lower(btrim(p_email)) AND u."oidcSubject" IS NULL
    RETURNING u.* INTO v_user;
  END IF;
  IF v_user."id" IS NULL THEN RETURN; END IF;
  IF NOT v_user."active" THEN
    RETURN QUERY SELECT v_user."id", v_user."organisationId", false, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY SELECT v_user."id", v_user."organisationId", true,
    auth_open_session(v_user."id", p_idle_content, p_idle_other, p_max_hours, p_user_agent, p_client, 'OIDC');
END $$;

-- ---------------------------------------------------------------- a session's state and end
CREATE FUNCTION auth_session_state(p_token text, p_touch boolean)
RETURNS TABLE (session_id uuid, user_id uuid, needs text, idle_minutes integer, last_seen_at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s "AuthSession";
BEGIN
  s := auth_find_session(p_token);
  IF s."id" IS NULL THEN RETURN; END IF;
  IF p_touch AND s."lastSeenAt" < now() - interval '30 seconds' THEN
    UPDATE "AuthSession" a SET "lastSeenAt" = now() WHERE a."id" = s."id" AND a."revokedAt" IS NULL;
    s."lastSeenAt" := now();
  END IF;
  RETURN QUERY SELECT s."id", s."userId",
    CASE WHEN s."secondFactorAt" IS NOT NULL THEN NULL
         WHEN EXISTS (SELECT 1 FROM "UserTotp" t WHERE t."userId" = s."userId" AND t."confirmedAt" IS NOT NULL) THEN 'verify'
         ELSE 'enrol' END,
    s."idleMinutes", s."lastSeenAt", s."expiresAt";
END $$;

CREATE FUNCTION auth_end_session(p_token text, p_reason text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE "AuthSession" a SET "revokedAt" = now(), "revokedReason" = left(coalesce(p_reason, 'afgemeld'), 100)
   WHERE a."tokenHash" = auth_token_hash(p_token) AND a."revokedAt" IS NULL;
$$;

-- The signed-in user's own live sessions (never the token).
CREATE FUNCTION auth_own_sessions()
RETURNS TABLE (session_id uuid, is_current boolean, created_at timestamptz, last_seen_at timestamptz, ends_at timestamptz,
               user_agent text, method text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a."id", a."tokenHash" = auth_token_hash(current_setting('app.session_token', true)), a."createdAt", a."lastSeenAt",
         least(a."expiresAt", a."lastSeenAt" + make_interval(mins => a."idleMinutes")), a."userAgent", a."secondFactorMethod"::text
    FROM "AuthSession" a
   WHERE a."userId" = app_session_user() AND a."revokedAt" IS NULL AND a."expiresAt" > now()
     AND a."lastSeenAt" + make_interval(mins => a."idleMinutes") > now()
   ORDER BY 2 DESC, a."lastSeenAt" DESC
$$;

-- Ends one of the signed-in user's other sessions, or (NULL) all others.
CREATE FUNCTION auth_end_own_sessions(p_session uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_user uuid := app_session_user();
  v_current text := auth_token_hash(current_setting('app.session_token', true));
  v_count integer;
BEGIN
  IF v_user IS NULL THEN RETURN 0; END IF;
  UPDATE "AuthSession" a SET "revokedAt" = now(), "revokedReason" = 'beëindigd door de gebruiker'
   WHERE a."userId" = v_user AND a."revokedAt" IS NULL AND a."tokenHash" <> v_current
     AND (p_session IS NULL OR a."id" = p_session);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;

-- ---------------------------------------------------------------- second factor, inside the database
-- HOTP (RFC 4226) with HMAC-SHA-1, 6 digits; TOTP is HOTP of the 30-second step (RFC 6238).
CREATE FUNCTION auth_hotp(p_key bytea, p_counter bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  h bytea;
  o integer;
  v bigint;
BEGIN
  h := hmac(int8send(p_counter), p_key, 'sha1');
  o := get_byte(h, 19) & 15;
  v := ((get_byte(h, o) & 127)::bigint << 24) | (get_byte(h, o + 1)::bigint << 16)
     | (get_byte(h, o + 2)::bigint << 8) | get_byte(h, o + 3)::bigint;
  RETURN lpad((v % 1000000)::text, 6, '0');
END $$;

CREATE FUNCTION auth_recovery_hash(p_code text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT encode(hmac(convert_to('recovery:' || upper(regexp_replace(coalesce(p_code, ''), '[[:space:]-]', '', 'g')), 'UTF8'),
                     (SELECT k."key" FROM "AuthKey" k WHERE k."name" = 'recovery-code'), 'sha256'), 'hex')
$$;

CREATE FUNCTION auth_recovery_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  b bytea := gen_random_bytes(10);
  a text := 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  c text := '';
BEGIN
  FOR i IN 0..9 LOOP c := c || substr(a, (get_byte(b, i) & 31) + 1, 1); END LOOP;
  RETURN substr(c, 1, 5) || '-' || substr(c, 6, 5);
END $$;

-- Enrolment, step 1: the secret, made once and kept until confirmed; only for a session that
-- still needs enrolment. Returned to that session only, to show the QR code.
CREATE FUNCTION auth_enrol_start(p_token text) RETURNS bytea
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s "AuthSession" := auth_find_session(p_token);
BEGIN
  IF s."id" IS NULL OR s."secondFactorAt" IS NOT NULL
     OR EXISTS (SELECT 1 FROM "UserTotp" t WHERE t."userId" = s."userId" AND t."confirmedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'auth: no enrolment for this session' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO "UserTotp" ("userId", "secret") VALUES (s."userId", gen_random_bytes(20)) ON CONFLICT ("userId") DO NOTHING;
  RETURN (SELECT t."secret" FROM "UserTotp" t WHERE t."userId" = s."userId");
END $$;

-- The second step: a TOTP code (current step ±1, each step once, never an older one), or —
-- not during enrolment — an unused recovery code. Enrolment confirms the app and returns ten
-- new recovery codes, once. A wrong code is counted on the session; ten end it.
CREATE FUNCTION auth_second_factor(p_token text, p_code text, p_enrol boolean)
RETURNS TABLE (outcome text, method text, user_id uuid, organisation_id uuid, session_id uuid, recovery_codes text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s "AuthSession" := auth_find_session(p_token);
  t "UserTotp";
  v_org uuid;
  v_step bigint := floor(extract(epoch FROM clock_timestamp()) / 30)::bigint;
  v_ok bigint;
  v_method "SecondFactorMethod";
  v_fail integer;
  v_code text;
  v_codes text[] := NULL;
BEGIN
  IF s."id" IS NULL OR s."secondFactorAt" IS NOT NULL THEN
    RETURN QUERY SELECT 'no-session'::text, NULL::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text[];
    RETURN;
  END IF;
  SELECT u."organisationId" INTO v_org FROM "User" u WHERE u."id" = s."userId";
  SELECT x.* INTO t FROM "UserTotp" x WHERE x."userId" = s."userId" FOR UPDATE;
  IF t."userId" IS NULL OR p_enrol <> (t."confirmedAt" IS NULL) THEN
    RETURN QUERY SELECT 'no-session'::text, NULL::text, s."userId", v_org, s."id", NULL::text[];
    RETURN;
  END IF;
  IF p_code ~ '^[0-9]{6}$' THEN
    FOR d IN -1..1 LOOP
      IF v_step + d > coalesce(t."lastUsedStep", -1) AND auth_hotp(t."secret", v_step + d) = p_code THEN
        v_ok := v_step + d;
        EXIT;
      END IF;
    END LOOP;
    IF v_ok IS NOT NULL THEN
      UPDATE "UserTotp" x SET "lastUsedStep" = v_ok, "confirmedAt" = coalesce(x."confirmedAt", now()) WHERE x."userId" = s."userId";
      v_method := 'TOTP';
    END IF;
  ELSIF NOT p_enrol THEN
    UPDATE "RecoveryCode" r SET "usedAt" = now()
     WHERE r."userId" = s."userId" AND r."usedAt" IS NULL AND r."codeHash" = auth_recovery_hash(p_code);
    IF FOUND THEN v_method := 'RECOVERY_CODE'; END IF;
  END IF;
  IF v_method IS NULL THEN
    UPDATE "AuthSession" a SET "failedSecondFactor" = a."failedSecondFactor" + 1 WHERE a."id" = s."id"
    RETURNING a."failedSecondFactor" INTO v_fail;
    IF v_fail >= 10 THEN
      UPDATE "AuthSession" a SET "revokedAt" = now(), "revokedReason" = 'te veel foute codes' WHERE a."id" = s."id";
    END IF;
    RETURN QUERY SELECT 'wrong'::text, NULL::text, s."userId", v_org, s."id", NULL::text[];
    RETURN;
  END IF;
  IF p_enrol THEN
    DELETE FROM "RecoveryCode" r WHERE r."userId" = s."userId";
    v_codes := '{}';
    FOR i IN 1..10 LOOP
      v_code := auth_recovery_code();
      INSERT INTO "RecoveryCode" ("userId", "codeHash") VALUES (s."userId", auth_recovery_hash(v_code));
      v_codes := v_codes || v_code;
    END LOOP;
  END IF;
  UPDATE "AuthSession" a SET "secondFactorAt" = now(), "secondFactorMethod" = v_method WHERE a."id" = s."id";
  RETURN QUERY SELECT 'ok'::text, v_method::text, s."userId", v_org, s."id", v_codes;
END $$;

-- ---------------------------------------------------------------- the access log's actor
-- For the app role, the actor of an access-log row is the session's user; only the login
-- steps themselves (auth.*, before a session is complete) name the account that was tried.
CREATE OR REPLACE FUNCTION audit_append(
  p_user uuid, p_org uuid, p_roles text, p_house uuid, p_action text, p_object_type text,
  p_object_id text, p_dossier uuid, p_purpose text, p_reason text, p_outcome text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
  v_prev_seq bigint;
  v_prev_hash text;
  v_seq bigint;
  v_at timestamptz := date_trunc('milliseconds', clock_timestamp());
  v_hash text;
  v_session_user uuid;
BEGIN
  IF session_user = 'vhd_app' THEN
    v_session_user := app_session_user();
    IF v_session_user IS NOT NULL THEN
      p_user := v_session_user;
      SELECT u."organisationId" INTO p_org FROM "User" u WHERE u."id" = v_session_user;
    ELSIF p_action NOT LIKE 'auth.%' THEN
      RAISE EXCEPTION 'audit_append: no live session' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  PERFORM pg_advisory_xact_lock(7270458);
  SELECT "seq", "hash" INTO v_prev_seq, v_prev_hash FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1;
  v_seq := coalesce(v_prev_seq, 0) + 1;
  v_prev_hash := coalesce(v_prev_hash, repeat('0', 64));
  v_hash := encode(sha256(convert_to(audit_canonical(v_seq, v_at, p_user, p_org, coalesce(p_roles, ''), p_house,
              p_action, p_object_type, p_object_id, p_dossier, p_purpose, p_reason, p_outcome,
              v_prev_hash), 'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("seq", "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles",
    "safeHouseId", "action", "objectType", "objectId", "dossierId", "purpose", "reason", "outcome",
    "prevHash", "hash")
  VALUES (v_seq, v_at, p_user, p_org, coalesce(p_roles, ''), p_house, p_action, p_object_type,
    p_object_id, p_dossier, p_purpose, p_reason, p_outcome::"AuditOutcome", v_prev_hash, v_hash);
  RETURN v_seq;
END
$$;

-- ---------------------------------------------------------------- rights of the app role
REVOKE ALL ON "AuthSession", "UserTotp", "RecoveryCode", "AuthKey" FROM vhd_app;
REVOKE ALL ON "User" FROM vhd_app;
GRANT SELECT ("id", "email", "name", "organisationId", "oidcSubject", "active", "lastLoginAt", "createdAt") ON "User" TO vhd_app;
REVOKE INSERT, UPDATE, DELETE ON "RoleAssignment" FROM vhd_app;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'auth_token_hash(text)', 'auth_new_token()', 'auth_find_session(text)', 'auth_sees_content(uuid)',
    'auth_open_session(uuid, integer, integer, integer, text, text, "SecondFactorMethod")',
    'app_session_user()', 'auth_password_salt(text)', 'auth_login(text, text, integer, integer, integer, text, text)',
    'auth_oidc_login(text, text, integer, integer, integer, text, text)', 'auth_session_state(text, boolean)',
    'auth_end_session(text, text)', 'auth_own_sessions()', 'auth_end_own_sessions(uuid)', 'auth_hotp(bytea, bigint)',
    'auth_recovery_hash(text)', 'auth_recovery_code()', 'auth_enrol_start(text)', 'auth_second_factor(text, text, boolean)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
  FOREACH f IN ARRAY ARRAY[
    'app_session_user()', 'auth_password_salt(text)', 'auth_login(text, text, integer, integer, integer, text, text)',
    'auth_oidc_login(text, text, integer, integer, integer, text, text)', 'auth_session_state(text, boolean)',
    'auth_end_session(text, text)', 'auth_own_sessions()', 'auth_end_own_sessions(uuid)', 'auth_enrol_start(text)',
    'auth_second_factor(text, text, boolean)']
  LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO vhd_app', f);
  END LOOP;
END $$;
