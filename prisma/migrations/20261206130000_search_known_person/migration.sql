-- Issue 13 §4 (ADR 0041): search in the safe house's dossiers and the known-person check at triage.
--
-- Names are matched tolerant of accents and case. The folded form is kept next to each name, in a
-- column the database maintains itself (a trigger with an IMMUTABLE function): the application
-- never writes it (its UPDATE grant of 20261203150000_column_grants does not cover these columns),
-- and a rectification (GDPR art. 16) or an edit of a draft refolds it. No extension: `unaccent`
-- and `pg_trgm` are not guaranteed on every PostgreSQL this runs on (embedded, a managed server),
-- so the folding is plain translate() — the same on every server, and IMMUTABLE so it can be
-- indexed.

-- lower case, Latin letters without diacritics (ß → ss, æ → ae, œ → oe, ĳ → ij), apostrophes
-- dropped (D'Hondt → dhondt), every run of spaces and punctuation (hyphens, dots, %, _) one space,
-- trimmed. Letters of other scripts stay as they are. The translate() covers the upper-case
-- letters too: lower() leaves non-ASCII letters alone under the C locale.
CREATE FUNCTION search_fold(p text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(translate(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(p,
      '''', ''), '’', ''), 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ĳ', 'ij'), 'Ĳ', 'ij'),
    'àÀáÁâÂãÃäÄåÅāĀăĂąĄǎǍçÇćĆĉĈċĊčČďĎđĐèÈéÉêÊëËēĒĕĔėĖęĘěĚĝĜğĞġĠģĢĥĤħĦìÌíÍîÎïÏĩĨīĪĭĬįĮıIǐǏĵĴķĶĺĹļĻľĽŀĿłŁñÑńŃņŅňŇŉòÒóÓôÔõÕöÖøØōŌŏŎőŐǒǑŕŔŗŖřŘśŚŝŜşŞšŠșȘţŢťŤŧŦțȚùÙúÚûÛüÜũŨūŪŭŬůŮűŰųŲǔǓŵŴýÝÿŸŷŶźŹżŻžŽðÐþÞ',
    'aaaaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnnoooooooooooooooooooorrrrrrssssssssssttttttttuuuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzzddtt')),
    '[[:space:][:punct:]]+', ' ', 'g'))
$$;
GRANT EXECUTE ON FUNCTION search_fold(text) TO vhd_app;

ALTER TABLE "ClientMember"
  ADD COLUMN "firstNameSearch" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "lastNameSearch" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Dossier" ADD COLUMN "clientSystemLabelSearch" TEXT NOT NULL DEFAULT '';
COMMENT ON COLUMN "ClientMember"."firstNameSearch" IS 'art15:1';
COMMENT ON COLUMN "ClientMember"."lastNameSearch" IS 'art15:1';
COMMENT ON COLUMN "Dossier"."clientSystemLabelSearch" IS 'art15:1';

-- The triggers are named to fire after every other BEFORE trigger of the table (PostgreSQL runs
-- them in name order): `closed_read_only` compares the whole row of a closed dossier's member
-- before and after a rectification, and must see only the columns the statement changed.
CREATE FUNCTION member_search_columns() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  NEW."firstNameSearch" := search_fold(NEW."firstName");
  NEW."lastNameSearch" := search_fold(NEW."lastName");
  RETURN NEW;
END $$;
CREATE TRIGGER zz_search_columns BEFORE INSERT OR UPDATE OF "firstName", "lastName", "firstNameSearch", "lastNameSearch"
  ON "ClientMember" FOR EACH ROW EXECUTE FUNCTION member_search_columns();

CREATE FUNCTION dossier_search_columns() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  NEW."clientSystemLabelSearch" := search_fold(NEW."clientSystemLabel");
  RETURN NEW;
END $$;
CREATE TRIGGER zz_search_columns BEFORE INSERT OR UPDATE OF "clientSystemLabel", "clientSystemLabelSearch"
  ON "Dossier" FOR EACH ROW EXECUTE FUNCTION dossier_search_columns();

-- the rows that exist already (as the owner: no row-level security, no closed-dossier guard)
UPDATE "ClientMember" SET "firstNameSearch" = search_fold("firstName"), "lastNameSearch" = search_fold("lastName");
UPDATE "Dossier" SET "clientSystemLabelSearch" = search_fold("clientSystemLabel");

-- The known-person check matches exactly on (last name, first name, birth date), the search by the
-- national number on its HMAC (ClientMember_nationalNumberHmac_idx, foundation).
CREATE INDEX "ClientMember_lastNameSearch_firstNameSearch_dateOfBirth_idx"
  ON "ClientMember"("lastNameSearch", "firstNameSearch", "dateOfBirth");
CREATE INDEX "ClientMember_dateOfBirth_idx" ON "ClientMember"("dateOfBirth");
