-- A retention term never ends before its years have passed (issue 9 §4; ADR 0015): the end may
-- not lie earlier than the closure plus the term (a week's slack for rounding by days), so no
-- typo or stray update can bring a purge years forward. Together with the purge's own grace
-- period (PURGE_GRACE_DAYS) nothing closed less than a month ago is ever removed.
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_retention_not_shorter_than_term" CHECK (
  "retentionUntil" IS NULL
  OR "retentionUntil" >= "closedAt" + make_interval(years => "retentionYears") - interval '8 days');
