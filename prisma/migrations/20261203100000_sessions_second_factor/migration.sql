-- Sessions that really end, a second factor, and throttling per client (ASVS 5.0 ch. 6 and 7;
-- ADR 0018). A session is a row: the browser holds a random token, the database only its
-- SHA-256. Deactivation, a password change, a role change or a reset of the second factor end
-- every session of that user at once — here, in the database, whatever code made the change.

CREATE TYPE "SecondFactorMethod" AS ENUM ('TOTP', 'RECOVERY_CODE', 'OIDC');

CREATE TABLE "AuthSession" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "userId" uuid NOT NULL REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "tokenHash" text NOT NULL,
  "createdAt" timestamptz(6) NOT NULL DEFAULT now(),
  "lastSeenAt" timestamptz(6) NOT NULL DEFAULT now(),
  "expiresAt" timestamptz(6) NOT NULL,
  "idleMinutes" integer NOT NULL,
  "secondFactorAt" timestamptz(6),
  "secondFactorMethod" "SecondFactorMethod",
  "failedSecondFactor" integer NOT NULL DEFAULT 0,
  "revokedAt" timestamptz(6),
  "revokedReason" text,
  "userAgent" text,
  "clientAddress" text,
  CONSTRAINT "AuthSession_tokenHash_format" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "AuthSession_lifetime" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '24 hours'),
  CONSTRAINT "AuthSession_idle" CHECK ("idleMinutes" BETWEEN 1 AND 480),
  CONSTRAINT "AuthSession_second_factor" CHECK (("secondFactorAt" IS NULL) = ("secondFactorMethod" IS NULL)),
  CONSTRAINT "AuthSession_revoked" CHECK (("revokedAt" IS NULL) = ("revokedReason" IS NULL)),
  CONSTRAINT "AuthSession_userAgent_length" CHECK (length("userAgent") <= 300),
  CONSTRAINT "AuthSession_clientAddress_length" CHECK (length("clientAddress") <= 100)
);
CREATE UNIQUE INDEX "AuthSession_tokenHash_key" ON "AuthSession"("tokenHash");
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- TOTP (RFC 6238). The secret (20 random bytes) is only ever read inside the database by the
-- SECURITY DEFINER functions of migration 20261203120000; "confirmedAt" is set when the user
-- proved the app works; "lastUsedStep" forbids replay.
CREATE TABLE "UserTotp" (
  "userId" uuid PRIMARY KEY REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "secret" bytea NOT NULL CHECK (length("secret") >= 16),
  "createdAt" timestamptz(6) NOT NULL DEFAULT now(),
  "confirmedAt" timestamptz(6),
  "lastUsedStep" bigint
);

-- Recovery codes: only a keyed hash (HMAC-SHA-256) is stored; each is used once.
CREATE TABLE "RecoveryCode" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "userId" uuid NOT NULL REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "codeHash" text NOT NULL,
  "createdAt" timestamptz(6) NOT NULL DEFAULT now(),
  "usedAt" timestamptz(6),
  CONSTRAINT "RecoveryCode_codeHash_format" CHECK ("codeHash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "RecoveryCode_codeHash_key" ON "RecoveryCode"("codeHash");
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- Throttling, shared by every instance: one row per client address and per account (keyed by
-- an HMAC of the e-mail address, so unknown addresses behave like known ones).
CREATE TABLE "LoginThrottle" (
  "key" text PRIMARY KEY,
  "failures" integer NOT NULL DEFAULT 0,
  "lastFailureAt" timestamptz(6) NOT NULL DEFAULT now(),
  "blockedUntil" timestamptz(6),
  CONSTRAINT "LoginThrottle_key_format" CHECK ("key" ~ '^(client|account|factor):[0-9a-f]{64}$'),
  CONSTRAINT "LoginThrottle_failures" CHECK ("failures" >= 0)
);

-- The old lock-out of a whole account could be triggered by anyone who knew an address.
ALTER TABLE "User" DROP COLUMN "failedLoginCount", DROP COLUMN "lockedUntil";

-- ---------------------------------------------------------------- sessions end in the database
CREATE FUNCTION auth_end_sessions(p_user uuid, p_reason text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE "AuthSession" SET "revokedAt" = now(), "revokedReason" = p_reason
   WHERE "userId" = p_user AND "revokedAt" IS NULL;
$$;
REVOKE ALL ON FUNCTION auth_end_sessions(uuid, text) FROM PUBLIC;

CREATE FUNCTION auth_user_change_ends_sessions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF OLD."active" AND NOT NEW."active" THEN
    PERFORM auth_end_sessions(NEW."id", 'account gedeactiveerd');
  ELSIF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" THEN
    PERFORM auth_end_sessions(NEW."id", 'wachtwoord gewijzigd');
  ELSIF NEW."email" IS DISTINCT FROM OLD."email" OR NEW."organisationId" IS DISTINCT FROM OLD."organisationId" THEN
    PERFORM auth_end_sessions(NEW."id", 'account gewijzigd');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "User_change_ends_sessions" AFTER UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION auth_user_change_ends_sessions();

CREATE FUNCTION auth_role_change_ends_sessions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM auth_end_sessions(OLD."userId", 'rol gewijzigd'); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM auth_end_sessions(NEW."userId", 'rol gewijzigd'); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "RoleAssignment_change_ends_sessions" AFTER INSERT OR UPDATE OR DELETE ON "RoleAssignment"
  FOR EACH ROW EXECUTE FUNCTION auth_role_change_ends_sessions();

-- a reset of the second factor (the row removed, or a new secret) ends every session
CREATE FUNCTION auth_totp_reset_ends_sessions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."confirmedAt" IS NOT NULL THEN
    PERFORM auth_end_sessions(OLD."userId", 'tweede factor opnieuw ingesteld');
  ELSIF OLD."confirmedAt" IS NOT NULL AND NEW."secret" IS DISTINCT FROM OLD."secret" THEN
    PERFORM auth_end_sessions(NEW."userId", 'tweede factor opnieuw ingesteld');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "UserTotp_reset_ends_sessions" AFTER UPDATE OR DELETE ON "UserTotp"
  FOR EACH ROW EXECUTE FUNCTION auth_totp_reset_ends_sessions();

-- a session only moves forward: an ended session stays ended, a second factor once given stays
-- given, the token, the user and the lifetime never change
CREATE FUNCTION auth_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" <> OLD."id" OR NEW."userId" <> OLD."userId" OR NEW."tokenHash" <> OLD."tokenHash"
     OR NEW."createdAt" <> OLD."createdAt" OR NEW."expiresAt" <> OLD."expiresAt" OR NEW."idleMinutes" <> OLD."idleMinutes" THEN
    RAISE EXCEPTION 'AuthSession: identity and lifetime of a session never change' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."revokedAt" IS NOT NULL AND (NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" OR NEW."lastSeenAt" <> OLD."lastSeenAt"
     OR NEW."secondFactorAt" IS DISTINCT FROM OLD."secondFactorAt") THEN
    RAISE EXCEPTION 'AuthSession: an ended session stays ended' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."secondFactorAt" IS NOT NULL AND (NEW."secondFactorAt" IS DISTINCT FROM OLD."secondFactorAt"
     OR NEW."secondFactorMethod" IS DISTINCT FROM OLD."secondFactorMethod") THEN
    RAISE EXCEPTION 'AuthSession: a second factor once given is not changed' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."secondFactorAt" IS NOT NULL AND OLD."secondFactorAt" IS NULL
     AND (OLD."revokedAt" IS NOT NULL OR OLD."expiresAt" <= now()) THEN
    RAISE EXCEPTION 'AuthSession: no second factor on an ended session' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."lastSeenAt" < OLD."lastSeenAt" THEN
    RAISE EXCEPTION 'AuthSession: activity does not go back in time' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "AuthSession_guard" BEFORE UPDATE ON "AuthSession"
  FOR EACH ROW EXECUTE FUNCTION auth_session_guard();

CREATE FUNCTION auth_recovery_code_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."codeHash" <> OLD."codeHash" OR NEW."userId" <> OLD."userId" OR OLD."usedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'RecoveryCode: a code is used once and never changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "RecoveryCode_guard" BEFORE UPDATE ON "RecoveryCode"
  FOR EACH ROW EXECUTE FUNCTION auth_recovery_code_guard();

-- ---------------------------------------------------------------- rights of the app role
GRANT SELECT, INSERT ON "AuthSession" TO vhd_app;
GRANT UPDATE ("lastSeenAt", "secondFactorAt", "secondFactorMethod", "failedSecondFactor", "revokedAt", "revokedReason") ON "AuthSession" TO vhd_app;
GRANT SELECT, INSERT, DELETE ON "UserTotp" TO vhd_app;
GRANT UPDATE ("confirmedAt", "lastUsedStep") ON "UserTotp" TO vhd_app;
GRANT SELECT, INSERT, DELETE ON "RecoveryCode" TO vhd_app;
GRANT UPDATE ("usedAt") ON "RecoveryCode" TO vhd_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "LoginThrottle" TO vhd_app;
