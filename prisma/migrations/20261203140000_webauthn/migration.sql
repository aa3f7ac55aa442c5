-- Passkeys (WebAuthn) as a second factor beside TOTP (issue 9 §1; ADR 0022). The signature of an
-- assertion is checked by @simplewebauthn/server in the app; the database keeps the credentials
-- (public keys are not secret), issues nothing without a live session, binds every ceremony to a
-- challenge stored on that session and used once, and refuses a signature counter that goes back.

ALTER TYPE "SecondFactorMethod" ADD VALUE IF NOT EXISTS 'WEBAUTHN';

ALTER TABLE "AuthSession"
  ADD COLUMN "webauthnChallenge" text,
  ADD COLUMN "webauthnChallengeAt" timestamptz(6),
  ADD CONSTRAINT "AuthSession_webauthn_challenge" CHECK (("webauthnChallenge" IS NULL) = ("webauthnChallengeAt" IS NULL));

CREATE TABLE "WebAuthnCredential" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "userId" uuid NOT NULL REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "credentialId" text NOT NULL,
  "publicKey" bytea NOT NULL,
  "counter" bigint NOT NULL DEFAULT 0 CHECK ("counter" >= 0),
  "transports" text[] NOT NULL DEFAULT '{}',
  "name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 100),
  "createdAt" timestamptz(6) NOT NULL DEFAULT now(),
  "lastUsedAt" timestamptz(6),
  CONSTRAINT "WebAuthnCredential_credentialId_format" CHECK ("credentialId" ~ '^[A-Za-z0-9_-]+$' AND length("credentialId") BETWEEN 16 AND 1400)
);
CREATE UNIQUE INDEX "WebAuthnCredential_credentialId_key" ON "WebAuthnCredential"("credentialId");
CREATE INDEX "WebAuthnCredential_userId_idx" ON "WebAuthnCredential"("userId");
REVOKE ALL ON "WebAuthnCredential" FROM vhd_app;

-- a passkey removed ends the user's sessions, like a reset of the second factor
CREATE FUNCTION auth_webauthn_removed_ends_sessions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM auth_end_sessions(OLD."userId", 'passkey verwijderd');
  RETURN NULL;
END $$;
CREATE TRIGGER "WebAuthnCredential_removed_ends_sessions" AFTER DELETE ON "WebAuthnCredential"
  FOR EACH ROW EXECUTE FUNCTION auth_webauthn_removed_ends_sessions();

-- A new challenge for this session's next ceremony: registration needs a completed session,
-- authentication one that still waits for its second factor.
CREATE FUNCTION auth_webauthn_challenge(p_token text, p_challenge text, p_for_login boolean) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s "AuthSession" := auth_find_session(p_token);
BEGIN
  IF s."id" IS NULL OR p_challenge !~ '^[A-Za-z0-9_-]{22,128}$' OR (s."secondFactorAt" IS NULL) <> p_for_login THEN
    RETURN false;
  END IF;
  UPDATE "AuthSession" a SET "webauthnChallenge" = p_challenge, "webauthnChallengeAt" = now() WHERE a."id" = s."id";
  RETURN true;
END $$;

-- Takes (and clears) this session's challenge if it is at most five minutes old.
CREATE FUNCTION auth_webauthn_take_challenge(p_session uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v text;
  v_at timestamptz;
BEGIN
  SELECT a."webauthnChallenge", a."webauthnChallengeAt" INTO v, v_at FROM "AuthSession" a WHERE a."id" = p_session FOR UPDATE;
  UPDATE "AuthSession" a SET "webauthnChallenge" = NULL, "webauthnChallengeAt" = NULL WHERE a."id" = p_session AND a."webauthnChallenge" IS NOT NULL;
  IF v_at IS NULL OR v_at <= now() - interval '5 minutes' THEN RETURN NULL; END IF;
  RETURN v;
END $$;

-- The session user's passkeys (public data), for the app to verify an assertion or list them.
CREATE FUNCTION auth_webauthn_credentials(p_token text)
RETURNS TABLE (credential_id text, public_key bytea, counter bigint, transports text[], name text, created_at timestamptz, last_used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c."credentialId", c."publicKey", c."counter", c."transports", c."name", c."createdAt", c."lastUsedAt"
    FROM "WebAuthnCredential" c WHERE c."userId" = (auth_find_session(p_token))."userId" ORDER BY c."createdAt"
$$;

-- Registration: a completed session, with the challenge it was given.
CREATE FUNCTION auth_webauthn_register(p_token text, p_challenge text, p_credential_id text, p_public_key bytea,
                                       p_counter bigint, p_transports text[], p_name text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s "AuthSession" := auth_find_session(p_token);
BEGIN
  IF s."id" IS NULL OR s."secondFactorAt" IS NULL OR auth_webauthn_take_challenge(s."id") IS DISTINCT FROM p_challenge THEN
    RETURN false;
  END IF;
  INSERT INTO "WebAuthnCredential" ("userId", "credentialId", "publicKey", "counter", "transports", "name")
  VALUES (s."userId", p_credential_id, p_public_key, p_counter, coalesce(p_transports, '{}'), left(btrim(p_name), 100));
  RETURN true;
END $$;

-- Login: the waiting session, its challenge, one of its user's passkeys, a counter that moves on.
CREATE FUNCTION auth_webauthn_complete(p_token text, p_challenge text, p_credential_id text, p_new_counter bigint)
RETURNS TABLE (user_id uuid, organisation_id uuid, session_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s "AuthSession" := auth_find_session(p_token);
  c "WebAuthnCredential";
BEGIN
  IF s."id" IS NULL OR s."secondFactorAt" IS NOT NULL OR auth_webauthn_take_challenge(s."id") IS DISTINCT FROM p_challenge THEN
    RETURN;
  END IF;
  SELECT x.* INTO c FROM "WebAuthnCredential" x WHERE x."credentialId" = p_credential_id AND x."userId" = s."userId" FOR UPDATE;
  IF c."id" IS NULL OR (p_new_counter <= c."counter" AND NOT (p_new_counter = 0 AND c."counter" = 0)) THEN
    RETURN;
  END IF;
  UPDATE "WebAuthnCredential" x SET "counter" = p_new_counter, "lastUsedAt" = now() WHERE x."id" = c."id";
  UPDATE "AuthSession" a SET "secondFactorAt" = now(), "secondFactorMethod" = 'WEBAUTHN' WHERE a."id" = s."id";
  RETURN QUERY SELECT s."userId", (SELECT u."organisationId" FROM "User" u WHERE u."id" = s."userId"), s."id";
END $$;

-- The signed-in user removes one of their own passkeys.
CREATE FUNCTION auth_webauthn_remove(p_credential_id text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  DELETE FROM "WebAuthnCredential" c WHERE c."credentialId" = p_credential_id AND c."userId" = app_session_user();
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['auth_webauthn_challenge(text, text, boolean)', 'auth_webauthn_take_challenge(uuid)',
    'auth_webauthn_credentials(text)', 'auth_webauthn_register(text, text, text, bytea, bigint, text[], text)',
    'auth_webauthn_complete(text, text, text, bigint)', 'auth_webauthn_remove(text)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
  FOREACH f IN ARRAY ARRAY['auth_webauthn_challenge(text, text, boolean)', 'auth_webauthn_credentials(text)',
    'auth_webauthn_register(text, text, text, bytea, bigint, text[], text)', 'auth_webauthn_complete(text, text, text, bigint)',
    'auth_webauthn_remove(text)']
  LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO vhd_app', f);
  END LOOP;
END $$;
