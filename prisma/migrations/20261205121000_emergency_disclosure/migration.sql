-- An urgent disclosure outside consensus (issue 12 §7; seeds 001, 002; ADR 0035). A participant
-- (or the coordinator) records that they disclosed information without waiting for the case
-- conference, on one of the grounds that justify breaking professional secrecy on their own
-- responsibility: the state of necessity (noodtoestand), the right to report of art. 458bis Sw.,
-- or the duty to help a person in danger (art. 422bis Sw.). The record is the professional's
-- account, in their own name: append-only, and on the agenda of the case's next session.

CREATE TYPE "EmergencyGround" AS ENUM ('STATE_OF_NECESSITY', 'ART_458BIS', 'DUTY_TO_ASSIST');

CREATE TABLE "EmergencyDisclosure" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "recordedByUserId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "ground" "EmergencyGround" NOT NULL,
  "disclosed" TEXT NOT NULL,
  "recipient" TEXT NOT NULL,
  "disclosedAt" TIMESTAMPTZ(6) NOT NULL,
  "urgency" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "EmergencyDisclosure_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "EmergencyDisclosure_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "EmergencyDisclosure_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "EmergencyDisclosure_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "EmergencyDisclosure_disclosed_length" CHECK (length(btrim("disclosed")) BETWEEN 3 AND 5000),
  CONSTRAINT "EmergencyDisclosure_recipient_length" CHECK (length(btrim("recipient")) BETWEEN 2 AND 300),
  CONSTRAINT "EmergencyDisclosure_urgency_length" CHECK (length(btrim("urgency")) BETWEEN 10 AND 5000),
  -- it happened already: the record comes after the disclosure (a few minutes of clock skew)
  CONSTRAINT "EmergencyDisclosure_disclosed_before_record" CHECK ("disclosedAt" <= "createdAt" + interval '5 minutes'),
  -- art. 458bis Sw.: the report goes to the public prosecutor (procureur des Konings), not to anyone else
  CONSTRAINT "EmergencyDisclosure_458bis_prosecutor" CHECK ("ground" <> 'ART_458BIS' OR "recipient" ~* 'procureur|parket')
);
CREATE INDEX "EmergencyDisclosure_dossierId_createdAt_idx" ON "EmergencyDisclosure"("dossierId", "createdAt");
CREATE INDEX "EmergencyDisclosure_safeHouseId_idx" ON "EmergencyDisclosure"("safeHouseId");
CREATE INDEX "EmergencyDisclosure_recordedByUserId_idx" ON "EmergencyDisclosure"("recordedByUserId");
CREATE INDEX "EmergencyDisclosure_organisationId_idx" ON "EmergencyDisclosure"("organisationId");
COMMENT ON COLUMN "EmergencyDisclosure"."disclosed" IS 'art15:11';
COMMENT ON COLUMN "EmergencyDisclosure"."recipient" IS 'art15:11';
COMMENT ON COLUMN "EmergencyDisclosure"."urgency" IS 'art15:11';

-- ---------------------------------------------------------------- row-level security per command
ALTER TABLE "EmergencyDisclosure" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EmergencyDisclosure" FORCE ROW LEVEL SECURITY;
-- the case team reads it: the coordinator of the holding safe house and the case's participants
CREATE POLICY emergency_select ON "EmergencyDisclosure" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]));
-- one of them records it, as themselves and for their own organisation
CREATE POLICY emergency_insert ON "EmergencyDisclosure" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR (("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
       OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]))
      AND "recordedByUserId" = (SELECT app_user_id())
      AND "organisationId" = (SELECT app_organisation_id())));
-- no UPDATE or DELETE policy and no grant: nobody in the application changes or removes one
GRANT SELECT, INSERT ON "EmergencyDisclosure" TO vhd_app;

-- append-only for the application, also should a grant ever be widened; the owner's retention
-- purge still removes it with its dossier (ON DELETE CASCADE)
CREATE FUNCTION emergency_disclosure_append_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_is_app_login() THEN
    RAISE EXCEPTION 'an emergency disclosure is never changed or removed' USING ERRCODE = '42501';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER emergency_disclosure_append_only BEFORE UPDATE OR DELETE ON "EmergencyDisclosure"
  FOR EACH ROW EXECUTE FUNCTION emergency_disclosure_append_only();

-- nothing is added to a closed dossier (as for the other case tables)
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "EmergencyDisclosure"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();
