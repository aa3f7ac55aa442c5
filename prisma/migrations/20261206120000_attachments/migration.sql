-- Documents attached to a dossier (issue 13 §3; ADR 0040).
--
-- The file itself is not in the database: it lies encrypted (AES-256-GCM, a random key per file)
-- in a blob store (lib/attachments/blob-store.ts); this row holds its metadata, the per-file key
-- wrapped with the field key (key id kept for rotation) and the file name encrypted the same way.
-- Three ways in, each with its own readers:
--   COORDINATOR    the coordinator of the holding safe house, at any time until closure;
--                  read by the case team (coordinators of the house and the case's participants)
--   PARTNER_INPUT  a core partner with its written input, while the input round is open (art. 11);
--                  read as that input: the coordinators and the partner's own organisation
--   SESSION        a participant during an OPEN session of the case (art. 13; ADR 0033), tied to
--                  that session's agenda item; read by the case team
-- Nobody in the application changes or deletes an attachment: it goes with the dossier (purge).

CREATE TYPE "AttachmentContext" AS ENUM ('COORDINATOR', 'PARTNER_INPUT', 'SESSION');

CREATE TABLE "Attachment" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "context" "AttachmentContext" NOT NULL,
  "agendaItemId" UUID,
  "organisationId" UUID NOT NULL,
  "uploadedByUserId" UUID NOT NULL,
  "category" INTEGER NOT NULL,
  "concernsMemberId" UUID,
  "fileNameEnc" TEXT NOT NULL,
  "mediaType" TEXT NOT NULL,
  "sizeBytes" INTEGER NOT NULL,
  "blobKey" TEXT NOT NULL,
  "wrappedKey" TEXT NOT NULL,
  "keyId" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id"),
  -- a transferred dossier keeps its attachments: the safe house follows (ON UPDATE CASCADE)
  CONSTRAINT "Attachment_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "Attachment_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "Attachment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Attachment_uploadedByUserId_fkey" FOREIGN KEY ("uploadedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Attachment_concernsMemberId_fkey" FOREIGN KEY ("concernsMemberId") REFERENCES "ClientMember"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "Attachment_category_art15" CHECK ("category" BETWEEN 1 AND 14),
  -- a session attachment belongs to the session's agenda item; the others to none
  CONSTRAINT "Attachment_session_has_agenda" CHECK (("context" = 'SESSION') = ("agendaItemId" IS NOT NULL)),
  -- PDF, PNG, JPEG and office files only (checked by content in lib/attachments/file-type.ts)
  CONSTRAINT "Attachment_media_type" CHECK ("mediaType" IN (
    'application/pdf', 'image/png', 'image/jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation')),
  CONSTRAINT "Attachment_size" CHECK ("sizeBytes" > 0),
  -- the blob lies under the dossier's prefix, so the purge removes the dossier's files by prefix
  CONSTRAINT "Attachment_blob_under_dossier" CHECK ("blobKey" = "dossierId"::text || '/' || "id"::text),
  CONSTRAINT "Attachment_wrapped_key" CHECK ("wrappedKey" LIKE 'v1.' || "keyId" || '.%')
);
CREATE UNIQUE INDEX "Attachment_blobKey_key" ON "Attachment"("blobKey");
CREATE INDEX "Attachment_dossierId_idx" ON "Attachment"("dossierId");
CREATE INDEX "Attachment_safeHouseId_idx" ON "Attachment"("safeHouseId");
CREATE INDEX "Attachment_agendaItemId_idx" ON "Attachment"("agendaItemId");
CREATE INDEX "Attachment_organisationId_idx" ON "Attachment"("organisationId");
CREATE INDEX "Attachment_uploadedByUserId_idx" ON "Attachment"("uploadedByUserId");
CREATE INDEX "Attachment_concernsMemberId_idx" ON "Attachment"("concernsMemberId");
CREATE INDEX "Attachment_keyId_idx" ON "Attachment"("keyId");

COMMENT ON COLUMN "Attachment"."category" IS 'art15:row';
COMMENT ON COLUMN "Attachment"."fileNameEnc" IS 'art15:row';
COMMENT ON COLUMN "Attachment"."concernsMemberId" IS 'art15:1';

-- the member concerned is of this dossier; a session attachment is brought in during an OPEN
-- session of this case (art. 13; ADR 0033) — the latter for the application login only
CREATE FUNCTION attachment_guard() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW."concernsMemberId" IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM "ClientMember" m WHERE m."id" = NEW."concernsMemberId" AND m."dossierId" = NEW."dossierId") THEN
    RAISE EXCEPTION 'attachment: the member is not of this dossier' USING ERRCODE = '23514';
  END IF;
  IF app_is_app_login() AND NEW."context" = 'SESSION'
     AND NOT app_agenda_item_open(NEW."agendaItemId", NEW."dossierId") THEN
    RAISE EXCEPTION 'a document is brought in only during an open session of the case (art. 13)' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION attachment_guard() FROM PUBLIC;
CREATE TRIGGER attachment_guard BEFORE INSERT ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION attachment_guard();
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();

-- who may add, per way in (the use cases check the same in lib/access/policy.ts)
CREATE FUNCTION app_may_attach("p_context" "AttachmentContext", p_dossier uuid, p_house uuid, p_org uuid, p_user uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p_user = app_user_id() AND p_org = app_organisation_id() AND CASE p_context
    WHEN 'COORDINATOR' THEN p_house = ANY (app_uuids('app.coordinator_houses'))
      AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND d."safeHouseId" = p_house
                     AND d."status" NOT IN ('DRAFT', 'CLOSED'))
    WHEN 'PARTNER_INPUT' THEN app_may_write_partner_input(p_dossier, p_house, p_org, p_user)
    WHEN 'SESSION' THEN p_dossier = ANY (app_uuids('app.participant_dossiers'))
    ELSE false END
$$;
REVOKE ALL ON FUNCTION app_may_attach("AttachmentContext", uuid, uuid, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_may_attach("AttachmentContext", uuid, uuid, uuid, uuid) TO vhd_app;

ALTER TABLE "Attachment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Attachment" FORCE ROW LEVEL SECURITY;
-- read: as what it is attached to — a core partner's document as its input (partner_input_select),
-- the coordinator's and the session's documents by the case team (as InformationItem)
CREATE POLICY attachment_select ON "Attachment" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR ("context" <> 'PARTNER_INPUT' AND "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]))
  OR ("context" = 'PARTNER_INPUT' AND "organisationId" = (SELECT app_organisation_id())
      AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = "dossierId")));
CREATE POLICY attachment_insert ON "Attachment" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR app_may_attach("context", "dossierId", "safeHouseId", "organisationId", "uploadedByUserId"));
-- no UPDATE or DELETE policy and no grant: an attachment is not rewritten; it goes with the dossier
REVOKE ALL ON "Attachment" FROM vhd_app;
GRANT SELECT, INSERT ON "Attachment" TO vhd_app;
