-- Issue 14 §1 (ADR 0044, "Unlinking"): the functional administrator removes the link between an
-- account and its identity at the IdP (a person changed jobs, a wrong registration, a lost
-- identity). The app may only CLEAR the subject: setting it to a value would let an
-- administrator attach someone else's account to an identity of their choosing (an account
-- takeover). Linking stays reserved to auth_oidc_login (SECURITY DEFINER, runs as the owner).
GRANT UPDATE ("oidcSubject") ON "User" TO vhd_app;

-- invoker (not SECURITY DEFINER): current_user is the app's role for the app's own statements,
-- and the owner inside auth_oidc_login
CREATE FUNCTION user_oidc_subject_only_cleared() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF current_user = 'vhd_app'
     AND NEW."oidcSubject" IS DISTINCT FROM OLD."oidcSubject"
     AND NEW."oidcSubject" IS NOT NULL THEN
    RAISE EXCEPTION 'the application only removes a link to the identity provider; linking is the first login''s'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "User_oidc_subject_only_cleared" BEFORE UPDATE OF "oidcSubject" ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_oidc_subject_only_cleared();

-- Unlinking ends every session of the account, as a changed password or e-mail does: a session
-- opened through the identity that is no longer linked must not outlive the link.
CREATE OR REPLACE FUNCTION auth_user_change_ends_sessions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF OLD."active" AND NOT NEW."active" THEN
    PERFORM auth_end_sessions(NEW."id", 'account gedeactiveerd');
  ELSIF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" THEN
    PERFORM auth_end_sessions(NEW."id", 'wachtwoord gewijzigd');
  ELSIF NEW."email" IS DISTINCT FROM OLD."email" OR NEW."organisationId" IS DISTINCT FROM OLD."organisationId" THEN
    PERFORM auth_end_sessions(NEW."id", 'account gewijzigd');
  ELSIF OLD."oidcSubject" IS NOT NULL AND NEW."oidcSubject" IS DISTINCT FROM OLD."oidcSubject" THEN
    PERFORM auth_end_sessions(NEW."id", 'koppeling met de identiteitsprovider verwijderd');
  END IF;
  RETURN NULL;
END $$;
