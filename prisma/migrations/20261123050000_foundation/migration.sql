-- Foundation: tenants, organisations, users and roles, dossiers with client-system data,
-- case participants, the hash-chained access log, and row-level security.
-- Written by hand (see docs/decisions/0002-sql-migrations.md); prisma/schema.prisma mirrors it.

-- ---------------------------------------------------------------- roles
-- The application connects as vhd_app: no superuser, no BYPASSRLS, owns nothing.
-- scripts/migrate.ts gives it LOGIN and a password; here it only has to exist.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vhd_app') THEN
    CREATE ROLE vhd_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

-- ---------------------------------------------------------------- enums
CREATE TYPE "OrganisationKind" AS ENUM (
  'AGENCY_JUSTICE_ENFORCEMENT', 'LOCAL_GOVERNMENT', 'CAW', 'VK', 'PUBLIC_PROSECUTOR', 'POLICE',
  'JUSTICE_HOUSE', 'ELECTRONIC_MONITORING_CENTRE', 'PRISON', 'CLB', 'EDUCATION',
  'YOUTH_CARE_SUPPORT_CENTRE', 'JUVENILE_COURT_SOCIAL_SERVICE', 'CHILD_CARE_FAMILY_SUPPORT_CENTRE',
  'OCMW', 'AGENCY_OPGROEIEN', 'YOUTH_CARE_FACILITY', 'VAPH', 'VAPH_FACILITY', 'MENTAL_HEALTH_CARE',
  'MEDICAL_SECTOR', 'HEALTH_INSURANCE_FUND', 'OTHER_EXPERTISE');
CREATE TYPE "Role" AS ENUM (
  'COORDINATOR', 'COORDINATOR_REPRESENTATIVE', 'REFERRER', 'CORE_PARTNER_STAFF',
  'MANDATED_AGENCY_STAFF', 'FUNCTIONAL_ADMIN', 'DPO', 'AGENCY_ANALYST');
CREATE TYPE "DossierStatus" AS ENUM (
  'DRAFT', 'SUBMITTED', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE', 'NOT_ADMISSIBLE',
  'IN_TRAJECTORY', 'CLOSED');
CREATE TYPE "MemberRole" AS ENUM (
  'VICTIM', 'ALLEGED_PERPETRATOR', 'CHILD', 'PARENT', 'PARTNER', 'SIBLING', 'OTHER');
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'X', 'UNKNOWN');
CREATE TYPE "Attendance" AS ENUM ('CASE_WORKER', 'STANDING_DELEGATE');
CREATE TYPE "InvitationReason" AS ENUM ('INVOLVEMENT', 'EXPERTISE');
CREATE TYPE "AuditOutcome" AS ENUM ('ALLOWED', 'DENIED');

-- ---------------------------------------------------------------- reference data (staff directory)
CREATE TABLE "SafeHouse" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "judicialDistrict" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "SafeHouse_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SafeHouse_code_key" ON "SafeHouse"("code");

CREATE TABLE "Organisation" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "kind" "OrganisationKind" NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

CREATE TABLE "CorePartnership" (
  "safeHouseId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "since" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "CorePartnership_pkey" PRIMARY KEY ("safeHouseId", "organisationId"),
  CONSTRAINT "CorePartnership_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "CorePartnership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "CorePartnership_organisationId_idx" ON "CorePartnership"("organisationId");

CREATE TABLE "User" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "organisationId" UUID NOT NULL,
  "passwordHash" TEXT,
  "oidcSubject" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
  "lockedUntil" TIMESTAMPTZ(6),
  "lastLoginAt" TIMESTAMPTZ(6),
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "User_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

CREATE TABLE "RoleAssignment" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "userId" UUID NOT NULL,
  "role" "Role" NOT NULL,
  "safeHouseId" UUID,
  CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "RoleAssignment_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "RoleAssignment_userId_role_safeHouseId_key" ON "RoleAssignment"("userId", "role", "safeHouseId");
CREATE INDEX "RoleAssignment_safeHouseId_idx" ON "RoleAssignment"("safeHouseId");

-- ---------------------------------------------------------------- case data
CREATE TABLE "Dossier" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "reference" TEXT NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "status" "DossierStatus" NOT NULL DEFAULT 'DRAFT',
  "clientSystemLabel" TEXT NOT NULL,
  "referrerUserId" UUID NOT NULL,
  "referrerOrganisationId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "submittedAt" TIMESTAMPTZ(6),
  "decidedAt" TIMESTAMPTZ(6),
  "inputRequestedAt" TIMESTAMPTZ(6),
  "inputClosedAt" TIMESTAMPTZ(6),
  "closedAt" TIMESTAMPTZ(6),
  "retentionUntil" TIMESTAMPTZ(6),
  CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Dossier_safeHouseId_fkey" FOREIGN KEY ("safeHouseId") REFERENCES "SafeHouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Dossier_reference_key" ON "Dossier"("reference");
CREATE INDEX "Dossier_safeHouseId_status_idx" ON "Dossier"("safeHouseId", "status");
CREATE INDEX "Dossier_referrerUserId_idx" ON "Dossier"("referrerUserId");

CREATE TABLE "Referral" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "violenceForms" TEXT[],
  "violenceTypes" TEXT[],
  "situation" TEXT NOT NULL DEFAULT '',
  "actionsTaken" TEXT NOT NULL DEFAULT '',
  "clientInformed" BOOLEAN,
  "notInformedReason" TEXT,
  "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Referral_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Referral_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Referral_dossierId_key" ON "Referral"("dossierId");

CREATE TABLE "ClientMember" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "memberRole" "MemberRole" NOT NULL,
  "firstName" TEXT NOT NULL,
  "lastName" TEXT NOT NULL,
  "dateOfBirth" DATE,
  "isMinor" BOOLEAN NOT NULL,
  "sex" "Sex" NOT NULL DEFAULT 'UNKNOWN',
  "nationalNumberEnc" TEXT,
  "nationalNumberHmac" TEXT,
  "contactEnc" TEXT,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ClientMember_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ClientMember_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ClientMember_dossierId_idx" ON "ClientMember"("dossierId");
CREATE INDEX "ClientMember_nationalNumberHmac_idx" ON "ClientMember"("nationalNumberHmac");

CREATE TABLE "Contact" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "firstName" TEXT NOT NULL,
  "lastName" TEXT NOT NULL,
  "relation" TEXT NOT NULL,
  "contactEnc" TEXT,
  "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Contact_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Contact_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Contact_dossierId_idx" ON "Contact"("dossierId");

CREATE TABLE "CaseParticipant" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "dossierId" UUID NOT NULL,
  "safeHouseId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "attendance" "Attendance" NOT NULL,
  "reason" "InvitationReason" NOT NULL,
  "showIdentity" BOOLEAN NOT NULL DEFAULT false,
  "isCaseDirector" BOOLEAN NOT NULL DEFAULT false,
  "invitedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "acceptedAt" TIMESTAMPTZ(6),
  "declinedAt" TIMESTAMPTZ(6),
  "secrecyAcknowledgedAt" TIMESTAMPTZ(6),
  "leftAt" TIMESTAMPTZ(6),
  CONSTRAINT "CaseParticipant_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "CaseParticipant_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "CaseParticipant_dossierId_userId_key" ON "CaseParticipant"("dossierId", "userId");
CREATE INDEX "CaseParticipant_userId_idx" ON "CaseParticipant"("userId");
CREATE INDEX "CaseParticipant_safeHouseId_idx" ON "CaseParticipant"("safeHouseId");

-- ---------------------------------------------------------------- access log
CREATE TABLE "AuditEvent" (
  "id" BIGSERIAL NOT NULL,
  "seq" BIGINT NOT NULL,
  "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actorUserId" UUID,
  "actorOrganisationId" UUID,
  "actorRoles" TEXT NOT NULL DEFAULT '',
  "safeHouseId" UUID,
  "action" TEXT NOT NULL,
  "objectType" TEXT NOT NULL,
  "objectId" TEXT,
  "dossierId" UUID,
  "purpose" TEXT NOT NULL,
  "reason" TEXT,
  "outcome" "AuditOutcome" NOT NULL,
  "prevHash" TEXT NOT NULL,
  "hash" TEXT NOT NULL,
  CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
CREATE INDEX "AuditEvent_actorUserId_idx" ON "AuditEvent"("actorUserId");
CREATE INDEX "AuditEvent_dossierId_idx" ON "AuditEvent"("dossierId");
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- ---------------------------------------------------------------- actor context
-- The app sets these per transaction (lib/db/scoped.ts) with set_config(..., true).
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_organisation_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;
CREATE FUNCTION app_uuids(setting text) RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting(setting, true), ''), '{}')::uuid[] $$;
CREATE FUNCTION app_roles() RETURNS text[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.roles', true), ''), '{}')::text[] $$;

-- ---------------------------------------------------------------- audit chain
-- Canonical text of one event: every field in a fixed order, separated by U+001F, NULL as U+2205.
-- lib/audit/verify.ts recomputes the same text independently.
CREATE FUNCTION audit_canonical(
  p_seq bigint, p_occurred timestamptz, p_user uuid, p_org uuid, p_roles text, p_house uuid,
  p_action text, p_object_type text, p_object_id text, p_dossier uuid, p_purpose text,
  p_reason text, p_outcome text, p_prev text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT concat_ws(chr(31),
     p_seq::text,
     to_char(p_occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
     coalesce(p_user::text, chr(8709)), coalesce(p_org::text, chr(8709)), p_roles,
     coalesce(p_house::text, chr(8709)), p_action, p_object_type,
     coalesce(p_object_id, chr(8709)), coalesce(p_dossier::text, chr(8709)), p_purpose,
     coalesce(p_reason, chr(8709)), p_outcome, p_prev) $$;

-- The only way to write the log. Serialised by a transaction-scoped advisory lock so that
-- seq is gapless and every row links to the one before it.
CREATE FUNCTION audit_append(
  p_user uuid, p_org uuid, p_roles text, p_house uuid, p_action text, p_object_type text,
  p_object_id text, p_dossier uuid, p_purpose text, p_reason text, p_outcome text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
  v_prev_seq bigint;
  v_prev_hash text;
  v_seq bigint;
  v_at timestamptz := date_trunc('milliseconds', clock_timestamp());
  v_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7270458);
  SELECT "seq", "hash" INTO v_prev_seq, v_prev_hash FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1;
  v_seq := coalesce(v_prev_seq, 0) + 1;
  v_prev_hash := coalesce(v_prev_hash, repeat('0', 64));
  v_hash := encode(sha256(convert_to(audit_canonical(v_seq, v_at, p_user, p_org, coalesce(p_roles, ''), p_house,
              p_action, p_object_type, p_object_id, p_dossier, p_purpose, p_reason, p_outcome,
              v_prev_hash), 'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("seq", "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles",
    "safeHouseId", "action", "objectType", "objectId", "dossierId", "purpose", "reason", "outcome",
    "prevHash", "hash")
  VALUES (v_seq, v_at, p_user, p_org, coalesce(p_roles, ''), p_house, p_action, p_object_type,
    p_object_id, p_dossier, p_purpose, p_reason, p_outcome::"AuditOutcome", v_prev_hash, v_hash);
  RETURN v_seq;
END
$$;
REVOKE ALL ON FUNCTION audit_append(uuid, uuid, text, uuid, text, text, text, uuid, text, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------- row-level security
ALTER TABLE "Dossier" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Dossier" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Referral" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Referral" FORCE ROW LEVEL SECURITY;
ALTER TABLE "ClientMember" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ClientMember" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Contact" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Contact" FORCE ROW LEVEL SECURITY;
ALTER TABLE "CaseParticipant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CaseParticipant" FORCE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;

-- Only the application role (vhd_app) is restricted: every other role that can reach these
-- tables (the owner: migrations, purge job, verify command) sees all rows. A new restricted
-- role must be added to these policies.
-- Dossier: mirrors lib/access/policy.ts `dossierWhere`.
CREATE POLICY dossier_select ON "Dossier" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "status" <> 'DRAFT')
  OR "referrerUserId" = (SELECT app_user_id())
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.core_partner_houses'))::uuid[])
      AND "inputRequestedAt" IS NOT NULL AND "inputClosedAt" IS NULL)
  OR "id" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])
);
CREATE POLICY dossier_insert ON "Dossier" FOR INSERT WITH CHECK (
  current_user <> 'vhd_app'
  OR ("referrerUserId" = (SELECT app_user_id()) AND "status" = 'DRAFT')
);
CREATE POLICY dossier_update ON "Dossier" FOR UPDATE USING (
  current_user <> 'vhd_app'
  OR ("safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[]) AND "status" <> 'DRAFT')
  OR ("referrerUserId" = (SELECT app_user_id()) AND "status" = 'DRAFT')
) WITH CHECK (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "referrerUserId" = (SELECT app_user_id())
);

-- Client-system data and the referral: visible with the dossier; written by the referrer while
-- the dossier is a draft, or by the coordinator of the holding safe house.
CREATE FUNCTION app_may_write_dossier(p_dossier uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = p_dossier AND (
     (d."referrerUserId" = app_user_id() AND d."status" = 'DRAFT')
     OR (d."safeHouseId" = ANY (app_uuids('app.coordinator_houses')) AND d."status" <> 'DRAFT'))) $$;

CREATE POLICY referral_select ON "Referral" FOR SELECT USING (
  current_user <> 'vhd_app' OR EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = "dossierId"));
CREATE POLICY referral_write ON "Referral" FOR ALL USING (
  current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"))
  WITH CHECK (current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"));

CREATE POLICY member_select ON "ClientMember" FOR SELECT USING (
  current_user <> 'vhd_app' OR EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = "dossierId"));
CREATE POLICY member_write ON "ClientMember" FOR ALL USING (
  current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"))
  WITH CHECK (current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"));

CREATE POLICY contact_select ON "Contact" FOR SELECT USING (
  current_user <> 'vhd_app' OR EXISTS (SELECT 1 FROM "Dossier" d WHERE d."id" = "dossierId"));
CREATE POLICY contact_write ON "Contact" FOR ALL USING (
  current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"))
  WITH CHECK (current_user <> 'vhd_app' OR app_may_write_dossier("dossierId"));

-- Participants: a user sees their own participations (needed to build the actor context) and
-- the participants of cases they take part in; the coordinator sees those of the safe house.
CREATE POLICY participant_select ON "CaseParticipant" FOR SELECT USING (
  current_user <> 'vhd_app'
  OR "userId" = (SELECT app_user_id())
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "dossierId" = ANY ((SELECT app_uuids('app.participant_dossiers'))::uuid[])
);
CREATE POLICY participant_write ON "CaseParticipant" FOR ALL USING (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "userId" = (SELECT app_user_id())
) WITH CHECK (
  current_user <> 'vhd_app'
  OR "safeHouseId" = ANY ((SELECT app_uuids('app.coordinator_houses'))::uuid[])
  OR "userId" = (SELECT app_user_id())
);

-- The access log: readable by the DPO / supervisor; written only through audit_append.
CREATE POLICY audit_select ON "AuditEvent" FOR SELECT USING (
  current_user <> 'vhd_app' OR 'DPO' = ANY ((SELECT app_roles())::text[]));
CREATE POLICY audit_insert ON "AuditEvent" FOR INSERT WITH CHECK (current_user <> 'vhd_app');

-- ---------------------------------------------------------------- privileges
GRANT USAGE ON SCHEMA public TO vhd_app;
GRANT SELECT ON "SafeHouse", "Organisation", "CorePartnership" TO vhd_app;
GRANT SELECT, INSERT, UPDATE ON "User", "RoleAssignment" TO vhd_app;
GRANT DELETE ON "RoleAssignment" TO vhd_app;
GRANT SELECT, INSERT, UPDATE ON "Dossier" TO vhd_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Referral", "ClientMember", "Contact", "CaseParticipant" TO vhd_app;
GRANT SELECT ON "AuditEvent" TO vhd_app;
GRANT EXECUTE ON FUNCTION audit_append(uuid, uuid, text, uuid, text, text, text, uuid, text, text, text) TO vhd_app;

-- ---------------------------------------------------------------- personal-data categories (art. 15 §1)
COMMENT ON COLUMN "Dossier"."clientSystemLabel" IS 'art15:1';
COMMENT ON COLUMN "Referral"."violenceForms" IS 'art15:11';
COMMENT ON COLUMN "Referral"."violenceTypes" IS 'art15:11';
COMMENT ON COLUMN "Referral"."situation" IS 'art15:11';
COMMENT ON COLUMN "Referral"."actionsTaken" IS 'art15:11';
COMMENT ON COLUMN "Referral"."clientInformed" IS 'art15:11';
COMMENT ON COLUMN "Referral"."notInformedReason" IS 'art15:11';
COMMENT ON COLUMN "ClientMember"."memberRole" IS 'art15:7';
COMMENT ON COLUMN "ClientMember"."firstName" IS 'art15:1';
COMMENT ON COLUMN "ClientMember"."lastName" IS 'art15:1';
COMMENT ON COLUMN "ClientMember"."dateOfBirth" IS 'art15:4';
COMMENT ON COLUMN "ClientMember"."isMinor" IS 'art15:4';
COMMENT ON COLUMN "ClientMember"."sex" IS 'art15:4';
COMMENT ON COLUMN "ClientMember"."nationalNumberEnc" IS 'art15:1';
COMMENT ON COLUMN "ClientMember"."nationalNumberHmac" IS 'art15:1';
COMMENT ON COLUMN "ClientMember"."contactEnc" IS 'art15:2';
COMMENT ON COLUMN "Contact"."firstName" IS 'art15:1';
COMMENT ON COLUMN "Contact"."lastName" IS 'art15:1';
COMMENT ON COLUMN "Contact"."relation" IS 'art15:6';
COMMENT ON COLUMN "Contact"."contactEnc" IS 'art15:2';
