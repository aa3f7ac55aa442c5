-- Transparency (art. 16 of the decree; GDPR art. 15 and 16) and the DPO's access log
-- (memorandum to art. 15). No new tables or columns: three SECURITY DEFINER functions that each
-- answer one narrow question across row-level security, and check the caller's role
-- themselves (app_roles(), app_uuids() are the transaction-local actor settings of
-- lib/db/scoped.ts). Each returns nothing for a caller without the right role.

-- ---------------------------------------------------------------- DPO: dossier reference <-> id
-- The DPO may not read "Dossier" rows (no dossier content), yet must be able to search the log
-- by the human reference (VH-ANT-2026-0001) and see it next to each event. References carry no
-- personal data. A purged dossier is found through its "DeletionRecord".
CREATE FUNCTION audit_dossier_id_for_reference(p_reference text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE WHEN 'DPO' = ANY (app_roles()) THEN (
    SELECT x."id" FROM (
      SELECT d."id", 1 AS "rank" FROM "Dossier" d WHERE d."reference" = p_reference
      UNION ALL
      SELECT r."dossierId", 2 FROM "DeletionRecord" r WHERE r."reference" = p_reference
    ) x ORDER BY x."rank" LIMIT 1)
  END
$$;
REVOKE ALL ON FUNCTION audit_dossier_id_for_reference(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_dossier_id_for_reference(text) TO vhd_app;

-- The references of a set of dossier ids (the events on one page of the log): id and reference,
-- no other column.
CREATE FUNCTION audit_dossier_references(p_ids uuid[]) RETURNS TABLE ("dossierId" uuid, "reference" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT d."id", d."reference" FROM "Dossier" d
   WHERE 'DPO' = ANY (app_roles()) AND d."id" = ANY (p_ids)
  UNION ALL
  SELECT r."dossierId", r."reference" FROM "DeletionRecord" r
   WHERE 'DPO' = ANY (app_roles()) AND r."dossierId" = ANY (p_ids)
     AND NOT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = r."dossierId")
$$;
REVOKE ALL ON FUNCTION audit_dossier_references(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_dossier_references(uuid[]) TO vhd_app;

-- ---------------------------------------------------------------- coordinator: who accessed a dossier
-- For a GDPR access request (art. 15: the recipients of the data) the coordinator of the holding
-- safe house may learn who accessed one of its dossiers, when, and what they did. Only time,
-- actor name, organisation name, action and outcome leave the function — never the log's free
-- fields (object id, purpose, reason) and never rows of another dossier.
CREATE FUNCTION gdpr_dossier_access_log(p_dossier uuid, p_limit integer)
RETURNS TABLE ("occurredAt" timestamptz, "actorName" text, "organisationName" text, "action" text, "outcome" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e."occurredAt", u."name", o."name", e."action", e."outcome"::text
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u."id" = e."actorUserId"
    LEFT JOIN "Organisation" o ON o."id" = e."actorOrganisationId"
   WHERE e."dossierId" = p_dossier
     AND app_roles() && ARRAY['COORDINATOR', 'COORDINATOR_REPRESENTATIVE']::text[]
     AND EXISTS (SELECT 1 FROM "Dossier" d
                  WHERE d."id" = p_dossier AND d."status" <> 'DRAFT'
                    AND d."safeHouseId" = ANY (app_uuids('app.coordinator_houses')))
   ORDER BY e."seq" DESC
   LIMIT least(greatest(coalesce(p_limit, 0), 0), 5000)
$$;
REVOKE ALL ON FUNCTION gdpr_dossier_access_log(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gdpr_dossier_access_log(uuid, integer) TO vhd_app;
