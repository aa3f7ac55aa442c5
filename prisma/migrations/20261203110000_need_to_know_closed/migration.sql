-- Need to know, two gaps found by the property tests (DOMAIN.md §3; ADR 0017):
-- 1. after closure only the coordinators keep access — also when a dossier's input round was
--    somehow left open, core partners no longer see it;
-- 2. a participant who no longer does client work (e.g. now only the DPO) has no open cases.

DROP POLICY dossier_select ON "Dossier";
CREATE POLICY dossier_select ON "Dossier" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "status" <> 'DRAFT')
  OR ("referrerUserId" = (SELECT app_user_id()) AND "status" <> 'CLOSED')
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.core_partner_houses'))::uuid[])
      AND "inputRequestedAt" IS NOT NULL AND "inputClosedAt" IS NULL AND "status" <> 'CLOSED')
  OR ("id" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]) AND "status" <> 'CLOSED')
);

CREATE OR REPLACE FUNCTION app_open_participations(p_user uuid) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(p."dossierId"), '{}') FROM "CaseParticipant" p JOIN "Dossier" d ON d."id" = p."dossierId"
   WHERE p."userId" = p_user AND p_user = app_user_id() AND p."acceptedAt" IS NOT NULL AND p."secrecyAcknowledgedAt" IS NOT NULL
     AND p."leftAt" IS NULL AND d."status" <> 'CLOSED' AND app_does_client_work(p_user) $$;
