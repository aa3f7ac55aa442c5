-- Issue 14 §4 (ADR 0047): where an imported dossier came from. One row per imported dossier,
-- written in the import's transaction; never changed or removed by the application.
CREATE TABLE "DossierImport" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "dossierId" uuid NOT NULL UNIQUE REFERENCES "Dossier"("id") ON DELETE CASCADE,
  "safeHouseId" uuid NOT NULL REFERENCES "SafeHouse"("id"),
  "sourceInstallation" text NOT NULL,
  "sourceSafeHouseCode" text NOT NULL,
  "sourceReference" text NOT NULL,
  "sourceStatus" text NOT NULL,
  "formatVersion" integer NOT NULL,
  "exportedAt" timestamptz(6) NOT NULL,
  "importedAt" timestamptz(6) NOT NULL DEFAULT now(),
  "importedByUserId" uuid NOT NULL REFERENCES "User"("id")
);
CREATE INDEX "DossierImport_safeHouseId_idx" ON "DossierImport"("safeHouseId");
CREATE INDEX "DossierImport_importedByUserId_idx" ON "DossierImport"("importedByUserId");

ALTER TABLE "DossierImport" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DossierImport" FORCE ROW LEVEL SECURITY;
CREATE POLICY dossier_import_select ON "DossierImport" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]));
CREATE POLICY dossier_import_insert ON "DossierImport" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ("importedByUserId" = (SELECT app_user_id())
      AND "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])));
-- no UPDATE or DELETE policy and no grant: provenance is not rewritten
REVOKE ALL ON "DossierImport" FROM vhd_app;
GRANT SELECT, INSERT ON "DossierImport" TO vhd_app;
