-- Issue 13 §1 "Mijn werk" (ADR 0038): the counts in the menu run on every page, so every filter
-- they use must be served by an index. Most already are (Dossier(safeHouseId, status),
-- CaseInvitation(addresseeUserId), CaseParticipant(userId), PlanAction(dossierId),
-- DisclosureVoter(userId), RetentionVoter(userId), FeedbackRecord(caseWorkerUserId),
-- AgencyConsultation(dossierId)). Two lists grow with the years and are read only for their open
-- rows: the agenda items whose plan was not sent yet, and the transfers still pending. Partial
-- indexes keep those reads proportional to what waits, not to the history.

CREATE INDEX "AgendaItem_safeHouseId_undistributed_idx" ON "AgendaItem" ("safeHouseId") WHERE "distributedAt" IS NULL;
CREATE INDEX "TransferRequest_toSafeHouseId_pending_idx" ON "TransferRequest" ("toSafeHouseId") WHERE "status" = 'PENDING';
