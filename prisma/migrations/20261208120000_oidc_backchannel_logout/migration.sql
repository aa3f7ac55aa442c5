-- Issue 14 §1 (ADR 0044, "Back-channel logout"): when a person signs out at the IdP (or the IdP
-- ends their session), the IdP tells the app server to server with a signed logout token
-- (OpenID Connect Back-Channel Logout 1.0). The app verifies the token and then ends, here, the
-- sessions that were opened through that identity — only those (a password + TOTP session of the
-- same account is not the IdP's), and only those opened at or before the token was issued: a
-- replayed token cannot end a session the person opened afterwards.
CREATE FUNCTION auth_oidc_backchannel_logout(p_subject text, p_issued_at timestamptz)
RETURNS TABLE (user_id uuid, organisation_id uuid, ended integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_user "User";
  v_ended integer;
BEGIN
  IF p_subject IS NULL OR btrim(p_subject) = '' OR p_issued_at IS NULL THEN RETURN; END IF;
  SELECT u.* INTO v_user FROM "User" u WHERE u."oidcSubject" = p_subject;
  IF v_user."id" IS NULL THEN RETURN; END IF;
  UPDATE "AuthSession" s SET "revokedAt" = now(), "revokedReason" = 'afgemeld bij de identiteitsprovider'
   WHERE s."userId" = v_user."id" AND s."revokedAt" IS NULL
     AND s."secondFactorMethod" = 'OIDC' AND s."createdAt" <= p_issued_at;
  GET DIAGNOSTICS v_ended = ROW_COUNT;
  RETURN QUERY SELECT v_user."id", v_user."organisationId", v_ended;
END $$;
REVOKE ALL ON FUNCTION auth_oidc_backchannel_logout(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_oidc_backchannel_logout(text, timestamptz) TO vhd_app;
