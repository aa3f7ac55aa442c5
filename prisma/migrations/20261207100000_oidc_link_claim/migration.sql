-- Issue 14 §1, ADR 0044: the first login through the IdP links to an existing account only by a
-- verified claim the functional administrator registered beforehand: the HMAC (LOOKUP_HMAC_KEY)
-- of the national number (rijksregisternummer) the IdP asserts. No longer by e-mail address.
ALTER TABLE "User" ADD COLUMN "oidcLinkHmac" text;
CREATE UNIQUE INDEX "User_oidcLinkHmac_key" ON "User"("oidcLinkHmac");

-- The administrator registers (or clears) it; policy user_update already limits UPDATE to the
-- functional administrator. Nobody in the app reads it back: only auth_oidc_login compares it.
GRANT UPDATE ("oidcLinkHmac") ON "User" TO vhd_app;

-- Same argument types, other meaning of the second one: drop and create (a rename is refused).
DROP FUNCTION auth_oidc_login(text, text, integer, integer, integer, text, text);

-- By subject; the first time by the registered link value, which is then used up (the subject
-- is the key from then on, and the national number's HMAC is not kept longer than needed).
CREATE FUNCTION auth_oidc_login(p_subject text, p_link_hmac text, p_idle_content integer, p_idle_other integer,
                                p_max_hours integer, p_user_agent text, p_client text)
RETURNS TABLE (user_id uuid, organisation_id uuid, active boolean, token text, linked boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_user "User";
  v_linked boolean := false;
BEGIN
  IF p_subject IS NULL OR btrim(p_subject) = '' THEN RETURN; END IF;
  SELECT u.* INTO v_user FROM "User" u WHERE u."oidcSubject" = p_subject;
  IF v_user."id" IS NULL AND p_link_hmac IS NOT NULL THEN
    UPDATE "User" u SET "oidcSubject" = p_subject, "oidcLinkHmac" = NULL
     WHERE u."oidcLinkHmac" = p_link_hmac AND u."oidcSubject" IS NULL AND u."active"
    RETURNING u.* INTO v_user;
    v_linked := v_user."id" IS NOT NULL;
  END IF;
  IF v_user."id" IS NULL THEN RETURN; END IF;
  IF NOT v_user."active" THEN
    RETURN QUERY SELECT v_user."id", v_user."organisationId", false, NULL::text, false;
    RETURN;
  END IF;
  RETURN QUERY SELECT v_user."id", v_user."organisationId", true,
    auth_open_session(v_user."id", p_idle_content, p_idle_other, p_max_hours, p_user_agent, p_client, 'OIDC'),
    v_linked;
END $$;
REVOKE ALL ON FUNCTION auth_oidc_login(text, text, integer, integer, integer, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_oidc_login(text, text, integer, integer, integer, text, text) TO vhd_app;
