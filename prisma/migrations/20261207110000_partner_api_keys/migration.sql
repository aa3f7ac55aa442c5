-- A JSON API for partner systems (issue 14 §2; ADR 0045).
--
-- A partner organisation's system calls /api/v1 with an API key. The key belongs to the
-- organisation and acts as the organisation's API account: a user without a password or IdP
-- link, with the single role "aanmelder" (REFERRER). Every call becomes a short session of that
-- account, so the database derives the actor from a live session exactly as for a person
-- (ADR 0020): row-level security, the policy and the access log need nothing new.
--
--   * api_key_create (the functional administrator): makes the organisation's API account the
--     first time, then a key — prefix for lookup, secret of 256 bits, only its HMAC-SHA-256 under
--     a key that never leaves the database is stored; the whole key is returned this once.
--   * api_key_begin (every call): checks the key (unknown, revoked, expired, account inactive,
--     scope), counts the call in a fixed window of one minute per key (an atomic upsert) and
--     writes the access-log row of the check, allowed or refused. An accepted call gets a session
--     token of at most five minutes; api_key_end deletes that session when the call is done.
--   * api_key_revoke (the functional administrator).
-- The app role reads the keys' metadata (administrator only, never the hash) and writes nothing
-- directly.

ALTER TYPE "SecondFactorMethod" ADD VALUE IF NOT EXISTS 'API_KEY';

INSERT INTO "AuthKey" ("name", "key") VALUES ('api-key', gen_random_bytes(32)) ON CONFLICT ("name") DO NOTHING;

-- ---------------------------------------------------------------- tables
CREATE TABLE "ApiAccount" (
  "userId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ApiAccount_pkey" PRIMARY KEY ("userId"),
  CONSTRAINT "ApiAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ApiAccount_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ApiAccount_organisationId_key" ON "ApiAccount"("organisationId");

CREATE TABLE "ApiKey" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organisationId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "prefix" TEXT NOT NULL,
  "secretHash" TEXT NOT NULL,
  "scopes" TEXT[] NOT NULL,
  "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 60,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "createdByUserId" UUID NOT NULL,
  "expiresAt" TIMESTAMPTZ(6) NOT NULL,
  "revokedAt" TIMESTAMPTZ(6),
  "revokedByUserId" UUID,
  "lastUsedAt" TIMESTAMPTZ(6),
  CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ApiKey_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ApiAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ApiKey_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ApiKey_revokedByUserId_fkey" FOREIGN KEY ("revokedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ApiKey_name_length" CHECK (length(btrim("name")) BETWEEN 1 AND 100),
  CONSTRAINT "ApiKey_prefix_format" CHECK ("prefix" ~ '^[0-9a-f]{12}$'),
  CONSTRAINT "ApiKey_secretHash_format" CHECK ("secretHash" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "ApiKey_scopes" CHECK (cardinality("scopes") >= 1 AND "scopes" <@ ARRAY['referrals:write', 'referrals:read']),
  CONSTRAINT "ApiKey_rateLimit" CHECK ("rateLimitPerMinute" BETWEEN 1 AND 1000),
  CONSTRAINT "ApiKey_term" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '366 days'),
  CONSTRAINT "ApiKey_revoked" CHECK (("revokedAt" IS NULL) = ("revokedByUserId" IS NULL))
);
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");
CREATE INDEX "ApiKey_organisationId_idx" ON "ApiKey"("organisationId");
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");
CREATE INDEX "ApiKey_createdByUserId_idx" ON "ApiKey"("createdByUserId");
CREATE INDEX "ApiKey_revokedByUserId_idx" ON "ApiKey"("revokedByUserId");

-- calls per key per minute (fixed window); old windows of a key go with its next call
CREATE TABLE "ApiRateWindow" (
  "keyId" UUID NOT NULL,
  "windowStart" TIMESTAMPTZ(6) NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "ApiRateWindow_pkey" PRIMARY KEY ("keyId", "windowStart"),
  CONSTRAINT "ApiRateWindow_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ApiRateWindow_count" CHECK ("count" >= 1)
);

-- ---------------------------------------------------------------- row-level security
ALTER TABLE "ApiAccount" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiAccount" FORCE ROW LEVEL SECURITY;
CREATE POLICY api_account_select ON "ApiAccount" FOR SELECT
  USING (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY api_account_insert ON "ApiAccount" FOR INSERT WITH CHECK (current_user <> 'vhd_app');
CREATE POLICY api_account_update ON "ApiAccount" FOR UPDATE USING (current_user <> 'vhd_app');
CREATE POLICY api_account_delete ON "ApiAccount" FOR DELETE USING (current_user <> 'vhd_app');
GRANT SELECT ON "ApiAccount" TO vhd_app;

ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY api_key_select ON "ApiKey" FOR SELECT
  USING (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY api_key_insert ON "ApiKey" FOR INSERT WITH CHECK (current_user <> 'vhd_app');
CREATE POLICY api_key_update ON "ApiKey" FOR UPDATE USING (current_user <> 'vhd_app');
CREATE POLICY api_key_delete ON "ApiKey" FOR DELETE USING (current_user <> 'vhd_app');
-- the hash stays in the database: the administrator sees a key's metadata, never its secret
GRANT SELECT ("id", "organisationId", "userId", "name", "prefix", "scopes", "rateLimitPerMinute", "createdAt",
              "createdByUserId", "expiresAt", "revokedAt", "revokedByUserId", "lastUsedAt") ON "ApiKey" TO vhd_app;

ALTER TABLE "ApiRateWindow" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiRateWindow" FORCE ROW LEVEL SECURITY;
CREATE POLICY api_rate_select ON "ApiRateWindow" FOR SELECT USING (current_user <> 'vhd_app');
CREATE POLICY api_rate_insert ON "ApiRateWindow" FOR INSERT WITH CHECK (current_user <> 'vhd_app');
CREATE POLICY api_rate_update ON "ApiRateWindow" FOR UPDATE USING (current_user <> 'vhd_app');
CREATE POLICY api_rate_delete ON "ApiRateWindow" FOR DELETE USING (current_user <> 'vhd_app');

-- ---------------------------------------------------------------- an API account stays one
-- It never signs in (no password, no IdP link, no invitation), keeps its organisation and has no
-- role but "aanmelder": a key can never act as a coordinator, whatever the administrator clicks.
CREATE FUNCTION api_account_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_TABLE_NAME = 'RoleAssignment' THEN
    IF NEW."role" <> 'REFERRER' AND EXISTS (SELECT 1 FROM "ApiAccount" a WHERE a."userId" = NEW."userId") THEN
      RAISE EXCEPTION 'an API account has no role but REFERRER' USING ERRCODE = '23514';
    END IF;
  ELSIF TG_TABLE_NAME = 'PasswordInvitation' THEN
    IF EXISTS (SELECT 1 FROM "ApiAccount" a WHERE a."userId" = NEW."userId") THEN
      RAISE EXCEPTION 'an API account does not sign in' USING ERRCODE = '23514';
    END IF;
  ELSIF TG_TABLE_NAME = 'User' THEN
    IF EXISTS (SELECT 1 FROM "ApiAccount" a WHERE a."userId" = NEW."id")
       AND (NEW."passwordHash" IS NOT NULL OR NEW."oidcSubject" IS NOT NULL OR NEW."oidcLinkHmac" IS NOT NULL
            OR NEW."organisationId" <> OLD."organisationId") THEN
      RAISE EXCEPTION 'an API account does not sign in and keeps its organisation' USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "RoleAssignment_api_account" BEFORE INSERT OR UPDATE ON "RoleAssignment"
  FOR EACH ROW EXECUTE FUNCTION api_account_guard();
CREATE TRIGGER "PasswordInvitation_api_account" BEFORE INSERT ON "PasswordInvitation"
  FOR EACH ROW EXECUTE FUNCTION api_account_guard();
CREATE TRIGGER "User_api_account" BEFORE UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION api_account_guard();

-- ---------------------------------------------------------------- the key's hash
CREATE FUNCTION api_key_hash(p_prefix text, p_secret text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT encode(hmac(convert_to(p_prefix || '.' || p_secret, 'UTF8'),
                     (SELECT k."key" FROM "AuthKey" k WHERE k."name" = 'api-key'), 'sha256'), 'hex')
$$;
REVOKE ALL ON FUNCTION api_key_hash(text, text) FROM PUBLIC;

-- ---------------------------------------------------------------- create and revoke
-- The administrator makes a key for an organisation; returns its id and the whole key, once.
CREATE FUNCTION api_key_create(p_org uuid, p_name text, p_scopes text[], p_expires_at timestamptz,
                               p_rate_limit integer)
RETURNS TABLE (key_id uuid, api_key text, account_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_admin uuid := app_session_user();
  v_account uuid;
  v_org "Organisation";
  v_prefix text := encode(gen_random_bytes(6), 'hex');
  v_secret text := auth_new_token();
  v_id uuid;
BEGIN
  IF v_admin IS NULL OR NOT app_is_functional_admin() THEN
    RAISE EXCEPTION 'only the functional administrator makes API keys' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT o.* INTO v_org FROM "Organisation" o WHERE o."id" = p_org;
  IF v_org."id" IS NULL THEN
    RAISE EXCEPTION 'unknown organisation' USING ERRCODE = '23503';
  END IF;
  -- one API account per organisation, also when two keys are made at the same moment
  PERFORM pg_advisory_xact_lock(hashtextextended('ApiAccount:' || p_org::text, 0));
  SELECT a."userId" INTO v_account FROM "ApiAccount" a WHERE a."organisationId" = p_org;
  IF v_account IS NULL THEN
    INSERT INTO "User" ("email", "name", "organisationId")
    VALUES ('api-' || replace(p_org::text, '-', '') || '@api.invalid', left('API-koppeling ' || v_org."name", 200), p_org)
    RETURNING "id" INTO v_account;
    INSERT INTO "ApiAccount" ("userId", "organisationId") VALUES (v_account, p_org);
    INSERT INTO "RoleAssignment" ("userId", "role", "safeHouseId") VALUES (v_account, 'REFERRER', NULL);
  END IF;
  INSERT INTO "ApiKey" ("organisationId", "userId", "name", "prefix", "secretHash", "scopes", "rateLimitPerMinute",
                        "createdByUserId", "expiresAt")
  VALUES (p_org, v_account, btrim(p_name), v_prefix, api_key_hash(v_prefix, v_secret),
          ARRAY(SELECT DISTINCT s FROM unnest(p_scopes) s ORDER BY s), p_rate_limit, v_admin, p_expires_at)
  RETURNING "id" INTO v_id;
  RETURN QUERY SELECT v_id, 'vhd_' || v_prefix || '_' || v_secret, v_account;
END $$;

CREATE FUNCTION api_key_revoke(p_key uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_admin uuid := app_session_user();
BEGIN
  IF v_admin IS NULL OR NOT app_is_functional_admin() THEN
    RAISE EXCEPTION 'only the functional administrator revokes API keys' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE "ApiKey" k SET "revokedAt" = now(), "revokedByUserId" = v_admin WHERE k."id" = p_key AND k."revokedAt" IS NULL;
  RETURN FOUND;
END $$;

-- ---------------------------------------------------------------- one call
-- Checks the key for p_scope, counts the call, logs the check and — only when accepted — opens a
-- session of the organisation's API account for this call. p_route is the route's template
-- ("POST /api/v1/aanmeldingen"), never a URL with ids. Outcomes: ok, unknown (also a known
-- prefix with a wrong secret), revoked (also an inactive API account), expired, scope, rate. A refusal is a normal return, so that its access-log row is committed.
CREATE FUNCTION api_key_begin(p_key text, p_scope text, p_route text, p_client text)
RETURNS TABLE (outcome text, token text, key_id uuid, user_id uuid, organisation_id uuid, retry_after integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_match text[];
  v_key "ApiKey";
  v_active boolean;
  v_outcome text;
  v_window timestamptz := date_trunc('minute', clock_timestamp());
  v_count integer;
  v_retry integer;
  v_token text;
  v_route text := CASE WHEN p_route ~ '^(GET|POST) /api/v1/[a-z0-9/{}._-]{1,80}$' THEN p_route ELSE 'onbekende route' END;
BEGIN
  v_match := regexp_match(coalesce(p_key, ''), '^vhd_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$');
  IF v_match IS NOT NULL THEN
    SELECT k.* INTO v_key FROM "ApiKey" k WHERE k."prefix" = v_match[1];
  END IF;
  IF v_key."id" IS NULL THEN
    v_outcome := 'unknown';
  ELSIF v_key."secretHash" <> api_key_hash(v_match[1], v_match[2]) THEN
    -- a known prefix with a wrong secret: logged against that key, answered as unknown
    v_outcome := 'wrong';
  ELSE
    SELECT u."active" INTO v_active FROM "User" u WHERE u."id" = v_key."userId";
    IF v_key."revokedAt" IS NOT NULL OR NOT v_active THEN
      v_outcome := 'revoked';
    ELSIF v_key."expiresAt" <= clock_timestamp() THEN
      v_outcome := 'expired';
    ELSE
      DELETE FROM "ApiRateWindow" w WHERE w."keyId" = v_key."id" AND w."windowStart" < v_window;
      INSERT INTO "ApiRateWindow" AS w ("keyId", "windowStart", "count") VALUES (v_key."id", v_window, 1)
      ON CONFLICT ("keyId", "windowStart") DO UPDATE SET "count" = w."count" + 1
      RETURNING w."count" INTO v_count;
      IF v_count > v_key."rateLimitPerMinute" THEN
        v_outcome := 'rate';
        v_retry := greatest(1, ceil(extract(epoch FROM v_window + interval '1 minute' - clock_timestamp()))::integer);
      ELSIF NOT (p_scope = ANY (v_key."scopes")) THEN
        v_outcome := 'scope';
      ELSE
        v_outcome := 'ok';
      END IF;
    END IF;
  END IF;

  -- who: the key's API account and organisation once the key is proven (not for a wrong secret)
  PERFORM audit_append(
    CASE WHEN v_outcome IN ('unknown', 'wrong') THEN NULL ELSE v_key."userId" END,
    CASE WHEN v_outcome IN ('unknown', 'wrong') THEN NULL ELSE v_key."organisationId" END,
    CASE WHEN v_outcome IN ('unknown', 'wrong') THEN '' ELSE 'REFERRER' END,
    NULL, 'auth.apiKey', 'ApiKey', CASE WHEN v_outcome = 'unknown' THEN NULL ELSE v_key."id"::text END, NULL,
    'authentication',
    v_route || ': ' || CASE v_outcome
      WHEN 'ok' THEN 'sleutel aanvaard'
      WHEN 'unknown' THEN 'onbekende sleutel'
      WHEN 'wrong' THEN 'fout geheim bij een bekende sleutel'
      WHEN 'revoked' THEN 'ingetrokken sleutel'
      WHEN 'expired' THEN 'verlopen sleutel'
      WHEN 'rate' THEN 'te veel aanvragen per minuut'
      ELSE 'sleutel zonder de nodige scope ' || left(coalesce(p_scope, ''), 40) END,
    CASE WHEN v_outcome = 'ok' THEN 'ALLOWED' ELSE 'DENIED' END);

  IF v_outcome = 'ok' THEN
    v_token := auth_new_token();
    INSERT INTO "AuthSession" ("userId", "tokenHash", "expiresAt", "idleMinutes", "userAgent", "clientAddress",
                               "secondFactorAt", "secondFactorMethod")
    VALUES (v_key."userId", auth_token_hash(v_token), now() + interval '5 minutes', 5,
            'API-sleutel ' || v_key."prefix", left(p_client, 100), now(), 'API_KEY');
    UPDATE "ApiKey" k SET "lastUsedAt" = now() WHERE k."id" = v_key."id";
  END IF;
  -- the caller learns no more than "unknown" for a wrong secret
  RETURN QUERY SELECT CASE WHEN v_outcome = 'wrong' THEN 'unknown' ELSE v_outcome END, v_token,
    CASE WHEN v_outcome IN ('unknown', 'wrong') THEN NULL ELSE v_key."id" END,
    CASE WHEN v_outcome = 'ok' THEN v_key."userId" END,
    CASE WHEN v_outcome IN ('unknown', 'wrong') THEN NULL ELSE v_key."organisationId" END,
    v_retry;
END $$;

-- The call is done: its session goes (only a session an API key opened).
-- (plpgsql: the body refers to the enum value added above, checked only when it runs)
CREATE FUNCTION api_key_end(p_token text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM "AuthSession" a
   WHERE a."tokenHash" = auth_token_hash(p_token) AND a."secondFactorMethod"::text = 'API_KEY';
END $$;

REVOKE ALL ON FUNCTION api_key_create(uuid, text, text[], timestamptz, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION api_key_revoke(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION api_key_begin(text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION api_key_end(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_create(uuid, text, text[], timestamptz, integer), api_key_revoke(uuid),
  api_key_begin(text, text, text, text), api_key_end(text) TO vhd_app;
