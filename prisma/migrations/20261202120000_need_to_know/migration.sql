-- Need to know inside a case (DOMAIN.md §3; ADR 0017).

-- A member can be marked "veilig adres" (e.g. a victim in a shelter): their contact data are then
-- shown to no one but the coordinator of the holding safe house.
ALTER TABLE "ClientMember" ADD COLUMN "safeAddress" BOOLEAN NOT NULL DEFAULT false;
COMMENT ON COLUMN "ClientMember"."safeAddress" IS 'art15:8';

-- After closure only the coordinators keep access: the referrer and the participants of a closed
-- trajectory no longer see the dossier (nor, through it, its referral and client system).
DROP POLICY dossier_select ON "Dossier";
CREATE POLICY dossier_select ON "Dossier" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "status" <> 'DRAFT')
  OR ("referrerUserId" = (SELECT app_user_id()) AND "status" <> 'CLOSED')
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.core_partner_houses'))::uuid[])
      AND "inputRequestedAt" IS NOT NULL AND "inputClosedAt" IS NULL)
  OR ("id" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]) AND "status" <> 'CLOSED')
);

-- The cases a user takes part in now (accepted, secrecy acknowledged, not left, not closed): what
-- lib/db/scoped.ts puts in app.participant_dossiers. The user's own participations only.
CREATE FUNCTION app_open_participations(p_user uuid) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(p."dossierId"), '{}') FROM "CaseParticipant" p JOIN "Dossier" d ON d."id" = p."dossierId"
   WHERE p."userId" = p_user AND p_user = app_user_id() AND p."acceptedAt" IS NOT NULL AND p."secrecyAcknowledgedAt" IS NOT NULL
     AND p."leftAt" IS NULL AND d."status" <> 'CLOSED' $$;
REVOKE ALL ON FUNCTION app_open_participations(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_open_participations(uuid) TO vhd_app;

-- Invitations, attendees and case workers who receive feedback are users who do client work —
-- never an account that only has the DPO's, the analyst's or the administrator's role.
CREATE FUNCTION app_does_client_work(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM "RoleAssignment" r JOIN "User" u ON u."id" = r."userId"
                  WHERE r."userId" = p_user AND u."active"
                    AND r."role" IN ('REFERRER', 'CORE_PARTNER_STAFF', 'MANDATED_AGENCY_STAFF', 'COORDINATOR', 'COORDINATOR_REPRESENTATIVE')) $$;
GRANT EXECUTE ON FUNCTION app_does_client_work(uuid) TO vhd_app;

CREATE FUNCTION client_work_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'CaseInvitation' THEN
    IF NOT app_does_client_work(NEW."addresseeUserId") OR (NEW."attendeeUserId" IS NOT NULL AND NOT app_does_client_work(NEW."attendeeUserId")) THEN
      RAISE EXCEPTION 'only users who do client work are invited or attend' USING ERRCODE = '23514';
    END IF;
  ELSIF TG_TABLE_NAME = 'CaseParticipant' THEN
    IF NOT app_does_client_work(NEW."userId") THEN
      RAISE EXCEPTION 'only users who do client work take part in a case' USING ERRCODE = '23514';
    END IF;
  ELSIF TG_TABLE_NAME = 'FeedbackRecord' THEN
    IF NOT app_does_client_work(NEW."caseWorkerUserId") THEN
      RAISE EXCEPTION 'feedback goes to a case worker who does client work' USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER client_work_only BEFORE INSERT OR UPDATE OF "addresseeUserId", "attendeeUserId" ON "CaseInvitation" FOR EACH ROW EXECUTE FUNCTION client_work_only();
CREATE TRIGGER client_work_only BEFORE INSERT OR UPDATE OF "userId" ON "CaseParticipant" FOR EACH ROW EXECUTE FUNCTION client_work_only();
CREATE TRIGGER client_work_only BEFORE INSERT OR UPDATE OF "caseWorkerUserId" ON "FeedbackRecord" FOR EACH ROW EXECUTE FUNCTION client_work_only();
