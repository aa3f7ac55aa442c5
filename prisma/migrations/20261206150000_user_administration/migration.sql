-- User and organisation administration by the functional administrator (issue 13 §6; ADR 0043).
--
-- The administrator writes users, roles, organisations and core partnerships through the app role,
-- under row-level security: one policy per command, the administrator's rights computed from the
-- session (app_session_user). Everyone keeps reading these tables as before (names in lists); no
-- policy here gives anyone read access to a dossier table. The password is never written by the
-- app role: the invitee sets it through auth_accept_invitation with a one-time, expiring token of
-- which only the SHA-256 is stored.

-- ---------------------------------------------------------------- who administers
CREATE FUNCTION app_is_functional_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM "RoleAssignment" r
                  WHERE r."userId" = app_session_user() AND r."role" = 'FUNCTIONAL_ADMIN')
$$;
REVOKE ALL ON FUNCTION app_is_functional_admin() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_is_functional_admin() TO vhd_app;

-- ---------------------------------------------------------------- separation of duties
-- Client work (the content of dossiers) never combines with the DPO's oversight, the analyst's
-- statistics or the administrator's granting of access; the administrator is not the DPO who
-- oversees the administrator's changes in the access log (ADR 0043).
CREATE FUNCTION role_combination_refused(p_roles text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT (p_roles && ARRAY['REFERRER', 'CORE_PARTNER_STAFF', 'MANDATED_AGENCY_STAFF', 'COORDINATOR', 'COORDINATOR_REPRESENTATIVE']
          AND p_roles && ARRAY['DPO', 'AGENCY_ANALYST', 'FUNCTIONAL_ADMIN'])
      OR (p_roles @> ARRAY['FUNCTIONAL_ADMIN'] AND p_roles @> ARRAY['DPO'])
$$;

CREATE FUNCTION role_combination_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_roles text[];
BEGIN
  -- one role change per user at a time: two concurrent inserts cannot each pass alone
  PERFORM pg_advisory_xact_lock(hashtextextended('RoleAssignment:' || NEW."userId"::text, 0));
  SELECT coalesce(array_agg(r."role"::text), '{}') INTO v_roles
    FROM "RoleAssignment" r WHERE r."userId" = NEW."userId" AND r."id" <> NEW."id";
  IF role_combination_refused(v_roles || NEW."role"::text) THEN
    RAISE EXCEPTION 'role combination refused: client work does not combine with DPO, analyst or administrator work, nor administrator with DPO'
      USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "RoleAssignment_combination" BEFORE INSERT OR UPDATE ON "RoleAssignment"
  FOR EACH ROW EXECUTE FUNCTION role_combination_guard();

-- ---------------------------------------------------------------- row-level security
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "User" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_select ON "User" FOR SELECT USING (true);
CREATE POLICY user_insert ON "User" FOR INSERT
  WITH CHECK (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
-- an administrator does not deactivate themselves (nobody would be left to undo it)
CREATE POLICY user_update ON "User" FOR UPDATE
  USING (current_user <> 'vhd_app' OR (select app_is_functional_admin()))
  WITH CHECK (current_user <> 'vhd_app'
              OR ((select app_is_functional_admin()) AND ("active" OR "id" <> (select app_session_user()))));
CREATE POLICY user_delete ON "User" FOR DELETE USING (current_user <> 'vhd_app');

ALTER TABLE "RoleAssignment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RoleAssignment" FORCE ROW LEVEL SECURITY;
CREATE POLICY role_select ON "RoleAssignment" FOR SELECT USING (true);
CREATE POLICY role_insert ON "RoleAssignment" FOR INSERT
  WITH CHECK (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY role_update ON "RoleAssignment" FOR UPDATE USING (current_user <> 'vhd_app');
-- an administrator does not remove their own administrator role
CREATE POLICY role_delete ON "RoleAssignment" FOR DELETE
  USING (current_user <> 'vhd_app'
         OR ((select app_is_functional_admin())
             AND NOT ("userId" = (select app_session_user()) AND "role" = 'FUNCTIONAL_ADMIN')));

ALTER TABLE "Organisation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Organisation" FORCE ROW LEVEL SECURITY;
CREATE POLICY organisation_select ON "Organisation" FOR SELECT USING (true);
CREATE POLICY organisation_insert ON "Organisation" FOR INSERT
  WITH CHECK (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY organisation_update ON "Organisation" FOR UPDATE
  USING (current_user <> 'vhd_app' OR (select app_is_functional_admin()))
  WITH CHECK (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY organisation_delete ON "Organisation" FOR DELETE USING (current_user <> 'vhd_app');

ALTER TABLE "CorePartnership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CorePartnership" FORCE ROW LEVEL SECURITY;
CREATE POLICY partnership_select ON "CorePartnership" FOR SELECT USING (true);
CREATE POLICY partnership_insert ON "CorePartnership" FOR INSERT
  WITH CHECK (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY partnership_update ON "CorePartnership" FOR UPDATE USING (current_user <> 'vhd_app');
CREATE POLICY partnership_delete ON "CorePartnership" FOR DELETE
  USING (current_user <> 'vhd_app' OR (select app_is_functional_admin()));

GRANT INSERT ("email", "name", "organisationId") ON "User" TO vhd_app;
GRANT UPDATE ("email", "name", "organisationId", "active") ON "User" TO vhd_app;
GRANT INSERT ("userId", "role", "safeHouseId"), DELETE ON "RoleAssignment" TO vhd_app;
GRANT INSERT ("name", "kind"), UPDATE ("name", "kind") ON "Organisation" TO vhd_app;
GRANT INSERT ("safeHouseId", "organisationId"), DELETE ON "CorePartnership" TO vhd_app;

-- ---------------------------------------------------------------- invitations to set a password
CREATE TABLE "PasswordInvitation" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "userId" UUID NOT NULL,
  "tokenHash" TEXT NOT NULL,
  "invitedByUserId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expiresAt" TIMESTAMPTZ(6) NOT NULL,
  "usedAt" TIMESTAMPTZ(6),
  "revokedAt" TIMESTAMPTZ(6),
  CONSTRAINT "PasswordInvitation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PasswordInvitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PasswordInvitation_invitedByUserId_fkey" FOREIGN KEY ("invitedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "PasswordInvitation_tokenHash_format" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "PasswordInvitation_term" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '7 days')
);
CREATE UNIQUE INDEX "PasswordInvitation_tokenHash_key" ON "PasswordInvitation"("tokenHash");
CREATE INDEX "PasswordInvitation_userId_idx" ON "PasswordInvitation"("userId");
CREATE INDEX "PasswordInvitation_invitedByUserId_idx" ON "PasswordInvitation"("invitedByUserId");

ALTER TABLE "PasswordInvitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PasswordInvitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY invitation_select ON "PasswordInvitation" FOR SELECT
  USING (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY invitation_insert ON "PasswordInvitation" FOR INSERT
  WITH CHECK (current_user <> 'vhd_app'
              OR ((select app_is_functional_admin()) AND "invitedByUserId" = (select app_session_user())));
CREATE POLICY invitation_update ON "PasswordInvitation" FOR UPDATE USING (current_user <> 'vhd_app');
CREATE POLICY invitation_delete ON "PasswordInvitation" FOR DELETE USING (current_user <> 'vhd_app');
-- the hash stays in the database: the administrator sees whether an invitation is open, not its token
GRANT SELECT ("id", "userId", "invitedByUserId", "createdAt", "expiresAt", "usedAt", "revokedAt") ON "PasswordInvitation" TO vhd_app;
GRANT INSERT ("userId", "tokenHash", "invitedByUserId", "expiresAt") ON "PasswordInvitation" TO vhd_app;

-- a new invitation replaces the open ones of the same user; a used or revoked one stays so
CREATE FUNCTION password_invitation_supersede() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."createdAt" := now();
    NEW."usedAt" := NULL;
    NEW."revokedAt" := NULL;
    UPDATE "PasswordInvitation" SET "revokedAt" = now()
     WHERE "userId" = NEW."userId" AND "usedAt" IS NULL AND "revokedAt" IS NULL;
  ELSIF OLD."usedAt" IS NOT NULL AND NEW."usedAt" IS DISTINCT FROM OLD."usedAt"
     OR OLD."revokedAt" IS NOT NULL AND NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt"
     OR NEW."tokenHash" <> OLD."tokenHash" AND current_user = 'vhd_app' THEN
    RAISE EXCEPTION 'a used or revoked invitation stays so' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "PasswordInvitation_supersede" BEFORE INSERT OR UPDATE ON "PasswordInvitation"
  FOR EACH ROW EXECUTE FUNCTION password_invitation_supersede();

-- Whether a token names an open invitation of an active account (the page shows the form or not).
CREATE FUNCTION auth_invitation_open(p_token text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM "PasswordInvitation" i JOIN "User" u ON u."id" = i."userId"
                  WHERE p_token ~ '^[A-Za-z0-9_-]{43}$' AND i."tokenHash" = auth_token_hash(p_token)
                    AND i."usedAt" IS NULL AND i."revokedAt" IS NULL AND i."expiresAt" > now() AND u."active")
$$;

-- Sets the password of the invited, active account with an argon2id hash the app computed, and
-- uses the invitation up — once. Returns the account, or nothing for an unknown, used, revoked or
-- expired token. The password change ends the account's other sessions (auth_user_change_ends_sessions).
CREATE FUNCTION auth_accept_invitation(p_token text, p_hash text)
RETURNS TABLE (user_id uuid, organisation_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_user uuid;
BEGIN
  IF p_token IS NULL OR p_token !~ '^[A-Za-z0-9_-]{43}$'
     OR p_hash IS NULL OR p_hash !~ '^\$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$' THEN
    RETURN;
  END IF;
  UPDATE "PasswordInvitation" i SET "usedAt" = now()
   WHERE i."tokenHash" = auth_token_hash(p_token) AND i."usedAt" IS NULL AND i."revokedAt" IS NULL
     AND i."expiresAt" > now()
     AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = i."userId" AND u."active")
  RETURNING i."userId" INTO v_user;
  IF v_user IS NULL THEN RETURN; END IF;
  UPDATE "User" u SET "passwordHash" = p_hash WHERE u."id" = v_user;
  RETURN QUERY SELECT u."id", u."organisationId" FROM "User" u WHERE u."id" = v_user;
END $$;
REVOKE ALL ON FUNCTION auth_invitation_open(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_accept_invitation(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_invitation_open(text), auth_accept_invitation(text, text) TO vhd_app;

-- ---------------------------------------------------------------- the quarterly access review
CREATE TABLE "AccessReview" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "safeHouseId" UUID NOT NULL,
  "confirmedByUserId" UUID NOT NULL,
  "confirmedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "accounts" INTEGER NOT NULL,
  CONSTRAINT "AccessReview_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AccessReview_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "AccessReview_confirmedByUserId_fkey" FOREIGN KEY ("confirmedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "AccessReview_accounts" CHECK ("accounts" >= 0)
);
CREATE INDEX "AccessReview_safeHouseId_confirmedAt_idx" ON "AccessReview"("safeHouseId", "confirmedAt");
CREATE INDEX "AccessReview_confirmedByUserId_idx" ON "AccessReview"("confirmedByUserId");
ALTER TABLE "AccessReview" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AccessReview" FORCE ROW LEVEL SECURITY;
CREATE POLICY access_review_select ON "AccessReview" FOR SELECT
  USING (current_user <> 'vhd_app' OR (select app_is_functional_admin()));
CREATE POLICY access_review_insert ON "AccessReview" FOR INSERT
  WITH CHECK (current_user <> 'vhd_app'
              OR ((select app_is_functional_admin()) AND "confirmedByUserId" = (select app_session_user())
                  AND "confirmedAt" = now()));
CREATE POLICY access_review_update ON "AccessReview" FOR UPDATE USING (current_user <> 'vhd_app');
CREATE POLICY access_review_delete ON "AccessReview" FOR DELETE USING (current_user <> 'vhd_app');
GRANT SELECT, INSERT ("safeHouseId", "confirmedByUserId", "accounts") ON "AccessReview" TO vhd_app;
