-- Least privilege per column (issue 9 §3; ADR 0020): where the app role may update a table, it may
-- update only the columns a use case changes — never a row's identity, the case it belongs to,
-- when it was made, or who made, proposed, invited or referred it. (What may
-- change and when is further guarded by the triggers and row-level security of earlier
-- migrations; this takes the remaining columns out of reach altogether.)
DO $$
DECLARE
  t record;
  cols text;
  fixed text[] := ARRAY['id', 'createdAt', 'dossierId', 'authorUserId', 'invitedByUserId', 'proposedByUserId',
                        'createdByUserId', 'requestedByUserId', 'referrerUserId', 'referrerOrganisationId', 'sessionId',
                        'goalId', 'fromSafeHouseId', 'invitationId'];
BEGIN
  FOR t IN
    SELECT DISTINCT p.table_name FROM information_schema.table_privileges p
     WHERE p.grantee = 'vhd_app' AND p.table_schema = 'public' AND p.privilege_type = 'UPDATE'
       AND p.table_name NOT IN ('LoginThrottle', 'ReferenceCounter')
  LOOP
    SELECT string_agg(format('%I', c.column_name), ', ' ORDER BY c.ordinal_position) INTO cols
      FROM information_schema.columns c
     WHERE c.table_schema = 'public' AND c.table_name = t.table_name
       AND (NOT (c.column_name = ANY (fixed))
            -- an organisation's written input has one row; its author is whoever saved it last
            OR (t.table_name = 'PartnerInput' AND c.column_name = 'authorUserId'));
    EXECUTE format('REVOKE UPDATE ON %I FROM vhd_app', t.table_name);
    EXECUTE format('GRANT UPDATE (%s) ON %I TO vhd_app', cols, t.table_name);
  END LOOP;
END $$;
