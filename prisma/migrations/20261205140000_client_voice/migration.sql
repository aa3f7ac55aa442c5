-- The client system's voice and rights, per member (issue 12 §4; art. 4 2nd para 2° b), art. 16;
-- seeds 000, 001, 004; ADR 0037).
--
-- 1. MemberVoice: one record per member of the client system — informed about the referral and
--    about the case conference (when, by whom, how) or not (why); consent asked / given / refused /
--    withdrawn (when) or not asked (why); the member's own view and wishes (encrypted at rest);
--    how their voice reaches the conference and who informs them afterwards, and when.
--    The coordinator of the holding safe house and the case's participants read and write it
--    (no one deletes it; it goes with the dossier).
-- 2. DisclosureProposal: the minor's own objection, weighed, when information is to be given to a
--    minor or to a parent of a client system with minors; and when, by whom and how information
--    was actually given to a member once the consensus allowed it.

CREATE TYPE "ConsentStatus" AS ENUM ('NOT_ASKED', 'ASKED', 'GIVEN', 'REFUSED', 'WITHDRAWN');
CREATE TYPE "VoiceChannel" AS ENUM ('ATTENDS', 'TRUSTED_PERSON', 'CASE_WORKER', 'OTHER');
CREATE TYPE "MinorObjection" AS ENUM ('NONE', 'OBJECTS', 'COULD_NOT_ASK', 'NOT_CONCERNED');

-- ---------------------------------------------------------------- MemberVoice
CREATE TABLE "MemberVoice" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "memberId" UUID NOT NULL,
  "referralInformed" BOOLEAN,
  "referralInformedAt" DATE,
  "referralInformedBy" TEXT,
  "referralInformedHow" TEXT,
  "referralNotInformedReason" TEXT,
  "conferenceInformed" BOOLEAN,
  "conferenceInformedAt" DATE,
  "conferenceInformedBy" TEXT,
  "conferenceInformedHow" TEXT,
  "conferenceNotInformedReason" TEXT,
  "consent" "ConsentStatus",
  "consentAt" DATE,
  "consentNote" TEXT,
  "viewEnc" TEXT,
  "voiceChannel" "VoiceChannel",
  "representative" TEXT,
  "voiceNote" TEXT,
  "debriefBy" TEXT,
  "debriefAt" DATE,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedByUserId" UUID NOT NULL,
  CONSTRAINT "MemberVoice_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "MemberVoice_dossier_house_fkey" FOREIGN KEY ("dossierId", "safeHouseId") REFERENCES "Dossier"("id", "safeHouseId") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "MemberVoice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "ClientMember"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "MemberVoice_updatedByUserId_fkey" FOREIGN KEY ("updatedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- art. 4, 2nd para; memorandum: informed "as far as possible, taking safety into account" —
  -- informed with when, by whom and how, or not informed with the reason
  CONSTRAINT "MemberVoice_referral_informed" CHECK (
    "referralInformed" IS NULL
    OR ("referralInformed" AND "referralInformedAt" IS NOT NULL AND btrim(coalesce("referralInformedBy", '')) <> ''
        AND btrim(coalesce("referralInformedHow", '')) <> '')
    OR (NOT "referralInformed" AND btrim(coalesce("referralNotInformedReason", '')) <> '')),
  CONSTRAINT "MemberVoice_conference_informed" CHECK (
    "conferenceInformed" IS NULL
    OR ("conferenceInformed" AND "conferenceInformedAt" IS NOT NULL AND btrim(coalesce("conferenceInformedBy", '')) <> ''
        AND btrim(coalesce("conferenceInformedHow", '')) <> '')
    OR (NOT "conferenceInformed" AND btrim(coalesce("conferenceNotInformedReason", '')) <> '')),
  -- art. 16; seed 004: consent asked / given / refused / withdrawn has a date; not asked has a reason
  CONSTRAINT "MemberVoice_consent" CHECK (
    "consent" IS NULL
    OR ("consent" = 'NOT_ASKED' AND btrim(coalesce("consentNote", '')) <> '')
    OR ("consent" <> 'NOT_ASKED' AND "consentAt" IS NOT NULL)),
  -- seed 004: a trusted person is named; "another way" is described
  CONSTRAINT "MemberVoice_voice" CHECK (
    "voiceChannel" IS NULL OR "voiceChannel" IN ('ATTENDS', 'CASE_WORKER')
    OR ("voiceChannel" = 'TRUSTED_PERSON' AND btrim(coalesce("representative", '')) <> '')
    OR ("voiceChannel" = 'OTHER' AND btrim(coalesce("voiceNote", '')) <> '')),
  CONSTRAINT "MemberVoice_debrief" CHECK (("debriefAt" IS NULL) OR btrim(coalesce("debriefBy", '')) <> '')
);
CREATE UNIQUE INDEX "MemberVoice_memberId_key" ON "MemberVoice"("memberId");
CREATE INDEX "MemberVoice_dossierId_idx" ON "MemberVoice"("dossierId");
CREATE INDEX "MemberVoice_safeHouseId_idx" ON "MemberVoice"("safeHouseId");
CREATE INDEX "MemberVoice_updatedByUserId_idx" ON "MemberVoice"("updatedByUserId");

COMMENT ON COLUMN "MemberVoice"."memberId" IS 'art15:1';
COMMENT ON COLUMN "MemberVoice"."referralInformed" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."referralInformedAt" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."referralInformedBy" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."referralInformedHow" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."referralNotInformedReason" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."conferenceInformed" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."conferenceInformedAt" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."conferenceInformedBy" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."conferenceInformedHow" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."conferenceNotInformedReason" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."consent" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."consentAt" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."consentNote" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."viewEnc" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."voiceChannel" IS 'art15:6';
COMMENT ON COLUMN "MemberVoice"."representative" IS 'art15:6';
COMMENT ON COLUMN "MemberVoice"."voiceNote" IS 'art15:6';
COMMENT ON COLUMN "MemberVoice"."debriefBy" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."debriefAt" IS 'art15:11';
COMMENT ON COLUMN "MemberVoice"."updatedByUserId" IS 'art15:3';

-- the member belongs to the dossier the record is filed under (any role; nothing to do with who acts)
CREATE FUNCTION member_voice_same_dossier() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ClientMember" m WHERE m."id" = NEW."memberId" AND m."dossierId" = NEW."dossierId") THEN
    RAISE EXCEPTION 'member voice: the member is not of this dossier' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION member_voice_same_dossier() FROM PUBLIC;
CREATE TRIGGER member_voice_same_dossier BEFORE INSERT OR UPDATE OF "memberId", "dossierId" ON "MemberVoice"
  FOR EACH ROW EXECUTE FUNCTION member_voice_same_dossier();
CREATE TRIGGER closed_read_only BEFORE INSERT OR UPDATE OR DELETE ON "MemberVoice"
  FOR EACH ROW EXECUTE FUNCTION forbid_writes_to_closed_dossier();

-- who may write: the coordinator of the holding safe house while the referral is under way or the
-- trajectory runs, and the case's participants (who took part and acknowledged the secrecy)
CREATE FUNCTION app_may_record_voice(p_dossier uuid, p_house uuid) RETURNS boolean LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p_dossier = ANY (app_uuids('app.participant_dossiers'))
      OR (p_house = ANY (app_uuids('app.coordinator_houses'))
          AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND d."safeHouseId" = p_house
                         AND d."status" IN ('SUBMITTED', 'IN_TRAJECTORY')))
$$;
REVOKE ALL ON FUNCTION app_may_record_voice(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_may_record_voice(uuid, uuid) TO vhd_app;

ALTER TABLE "MemberVoice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MemberVoice" FORCE ROW LEVEL SECURITY;
CREATE POLICY member_voice_select ON "MemberVoice" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[]));
CREATE POLICY member_voice_insert ON "MemberVoice" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ("updatedByUserId" = (SELECT app_user_id()) AND app_may_record_voice("dossierId", "safeHouseId")));
CREATE POLICY member_voice_update ON "MemberVoice" FOR UPDATE USING (
  current_user <> 'vhd_app' OR app_may_record_voice("dossierId", "safeHouseId"))
  WITH CHECK (current_user <> 'vhd_app'
  OR ("updatedByUserId" = (SELECT app_user_id()) AND app_may_record_voice("dossierId", "safeHouseId")));
-- no DELETE policy and no DELETE grant: a record is corrected, not removed (it goes with the dossier)
REVOKE ALL ON "MemberVoice" FROM vhd_app;
GRANT SELECT, INSERT ON "MemberVoice" TO vhd_app;
GRANT UPDATE ("referralInformed", "referralInformedAt", "referralInformedBy", "referralInformedHow", "referralNotInformedReason",
              "conferenceInformed", "conferenceInformedAt", "conferenceInformedBy", "conferenceInformedHow",
              "conferenceNotInformedReason", "consent", "consentAt", "consentNote", "viewEnc", "voiceChannel",
              "representative", "voiceNote", "debriefBy", "debriefAt", "updatedAt", "updatedByUserId")
  ON "MemberVoice" TO vhd_app;

-- ---------------------------------------------------------------- DisclosureProposal
ALTER TABLE "DisclosureProposal"
  ADD COLUMN "minorObjection" "MinorObjection",
  ADD COLUMN "minorObjectionNote" TEXT,
  ADD COLUMN "givenAt" TIMESTAMPTZ(6),
  ADD COLUMN "givenByUserId" UUID,
  ADD COLUMN "givenHow" TEXT,
  ADD CONSTRAINT "DisclosureProposal_givenByUserId_fkey" FOREIGN KEY ("givenByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "DisclosureProposal_givenByUserId_idx" ON "DisclosureProposal"("givenByUserId");
COMMENT ON COLUMN "DisclosureProposal"."minorObjection" IS 'art15:11';
COMMENT ON COLUMN "DisclosureProposal"."minorObjectionNote" IS 'art15:11';
COMMENT ON COLUMN "DisclosureProposal"."givenHow" IS 'art15:11';

-- what was shared before this migration: given when it was registered, by the named sharer
UPDATE "DisclosureProposal" SET "givenAt" = "sharedAt", "givenByUserId" = "sharerUserId",
       "givenHow" = 'niet geregistreerd (gedeeld vóór de registratie van de wijze)'
 WHERE "status" = 'SHARED' AND "kind" = 'CLIENT_MEMBER' AND "givenAt" IS NULL;

-- the child's objection: an objection or "could not be asked" carries how it was weighed / why
ALTER TABLE "DisclosureProposal" ADD CONSTRAINT "DisclosureProposal_minor_objection_weighed" CHECK (
  "minorObjection" IS NULL OR "minorObjection" IN ('NONE', 'NOT_CONCERNED')
  OR btrim(coalesce("minorObjectionNote", '')) <> '');
-- information given to a member: when (after the approval, not after its registration), by the
-- participant named to share it, and how
ALTER TABLE "DisclosureProposal" ADD CONSTRAINT "DisclosureProposal_given_to_member" CHECK (
  "status" <> 'SHARED' OR "kind" <> 'CLIENT_MEMBER'
  OR ("givenAt" IS NOT NULL AND "givenByUserId" = "sharerUserId" AND btrim(coalesce("givenHow", '')) <> ''
      AND "givenAt" <= "sharedAt" AND ("decidedAt" IS NULL OR "givenAt" >= "decidedAt")));
ALTER TABLE "DisclosureProposal" ADD CONSTRAINT "DisclosureProposal_given_only_when_shared" CHECK (
  "givenAt" IS NULL OR "status" = 'SHARED');

-- the minor's own objection must be weighed when the information goes to a minor, or to a parent
-- of a client system with a minor (not NOT_CONCERNED for a minor: it is always about them)
CREATE FUNCTION disclosure_minor_objection() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m "ClientMember"%ROWTYPE;
BEGIN
  IF NEW."kind" <> 'CLIENT_MEMBER' OR NEW."memberId" IS NULL THEN RETURN NEW; END IF;
  SELECT * INTO m FROM "ClientMember" WHERE "id" = NEW."memberId";
  IF m."isMinor" THEN
    IF NEW."minorObjection" IS NULL OR NEW."minorObjection" = 'NOT_CONCERNED' THEN
      RAISE EXCEPTION 'disclosure to a minor: the minor''s own objection must be weighed' USING ERRCODE = '23514';
    END IF;
  ELSIF m."memberRole" = 'PARENT' AND NEW."minorObjection" IS NULL
        AND EXISTS (SELECT 1 FROM "ClientMember" c WHERE c."dossierId" = NEW."dossierId" AND c."isMinor") THEN
    RAISE EXCEPTION 'disclosure to a parent: the objection of the minor concerned must be weighed' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION disclosure_minor_objection() FROM PUBLIC;
CREATE TRIGGER disclosure_minor_objection BEFORE INSERT OR UPDATE OF "memberId", "kind", "minorObjection" ON "DisclosureProposal"
  FOR EACH ROW EXECUTE FUNCTION disclosure_minor_objection();

-- what was given is registered by the sharer with the registration (markDisclosureShared)
GRANT UPDATE ("givenAt", "givenByUserId", "givenHow") ON "DisclosureProposal" TO vhd_app;

-- The consensus guard (20261202100000) froze every column but the status and its times; what was
-- given, when and by whom is registered with the step APPROVED -> SHARED and with nothing else.
CREATE OR REPLACE FUNCTION consensus_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  v_kind text := CASE WHEN TG_TABLE_NAME = 'DisclosureProposal' THEN 'disclosure' ELSE 'retention' END;
  v_given constant text[] := ARRAY['givenAt', 'givenByUserId', 'givenHow'];
BEGIN
  IF current_user <> 'vhd_app' THEN RETURN NEW; END IF;
  IF (to_jsonb(OLD) - 'status' - 'decidedAt' - 'sharedAt' - v_given) IS DISTINCT FROM (to_jsonb(NEW) - 'status' - 'decidedAt' - 'sharedAt' - v_given) THEN
    RAISE EXCEPTION 'consensus: a proposal cannot be changed after it was made' USING ERRCODE = '42501';
  END IF;
  IF (to_jsonb(OLD) -> 'givenAt', to_jsonb(OLD) -> 'givenByUserId', to_jsonb(OLD) -> 'givenHow') IS DISTINCT FROM
     (to_jsonb(NEW) -> 'givenAt', to_jsonb(NEW) -> 'givenByUserId', to_jsonb(NEW) -> 'givenHow')
     AND NOT (v_kind = 'disclosure' AND OLD."status"::text = 'APPROVED' AND NEW."status"::text = 'SHARED') THEN
    RAISE EXCEPTION 'disclosure: when and how it was given is registered with the sharing only' USING ERRCODE = '42501';
  END IF;
  IF NEW."status" = OLD."status" THEN
    IF (to_jsonb(OLD) -> 'decidedAt') IS DISTINCT FROM (to_jsonb(NEW) -> 'decidedAt')
       OR (to_jsonb(OLD) -> 'sharedAt') IS DISTINCT FROM (to_jsonb(NEW) -> 'sharedAt') THEN
      RAISE EXCEPTION 'consensus: a decision time changes only with its status' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  t := consensus_tally(v_kind, NEW."id");
  IF OLD."status"::text = 'OPEN' AND NEW."status"::text = 'APPROVED' THEN
    IF t.voters = 0 OR t.agreed <> t.voters THEN
      RAISE EXCEPTION 'consensus: not every voter agreed (art. 14 §2)' USING ERRCODE = '42501';
    END IF;
  ELSIF OLD."status"::text = 'OPEN' AND NEW."status"::text = 'BLOCKED' THEN
    IF t.objected = 0 THEN
      RAISE EXCEPTION 'consensus: blocked only by an objection' USING ERRCODE = '42501';
    END IF;
  ELSIF v_kind = 'disclosure' AND OLD."status"::text = 'APPROVED' AND NEW."status"::text = 'SHARED' THEN
    IF (to_jsonb(NEW) ->> 'sharerUserId')::uuid IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'disclosure: only the named participant shares' USING ERRCODE = '42501';
    END IF;
  ELSIF OLD."status"::text IN ('OPEN', 'APPROVED') AND NEW."status"::text = 'WITHDRAWN' THEN
    IF NOT (NEW."proposedByUserId" = app_user_id() OR NEW."safeHouseId" = ANY (app_uuids('app.coordinator_houses'))) THEN
      RAISE EXCEPTION 'consensus: only the proposer or the coordinator withdraws' USING ERRCODE = '42501';
    END IF;
  ELSE
    RAISE EXCEPTION 'consensus: % -> % is not allowed', OLD."status", NEW."status" USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
