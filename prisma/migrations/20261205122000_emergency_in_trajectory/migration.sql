-- An urgent disclosure outside consensus belongs to a case with a case conference: the
-- application records one only while the dossier is in trajectory (policy `emergency.record`;
-- ADR 0035). Closed dossiers were already read-only (closed_read_only).
CREATE FUNCTION emergency_disclosure_in_trajectory() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_is_app_login() THEN RETURN NEW; END IF;
  IF NOT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = NEW."dossierId" AND d."status" = 'IN_TRAJECTORY') THEN
    RAISE EXCEPTION 'an urgent disclosure is recorded only for a case in trajectory' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER emergency_disclosure_in_trajectory BEFORE INSERT ON "EmergencyDisclosure"
  FOR EACH ROW EXECUTE FUNCTION emergency_disclosure_in_trajectory();
