-- The DPO filters the access log by action, purpose and object; without these indexes every
-- search scans the whole (ever-growing) log.
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");
CREATE INDEX "AuditEvent_purpose_idx" ON "AuditEvent"("purpose");
CREATE INDEX "AuditEvent_objectId_idx" ON "AuditEvent"("objectId");
CREATE INDEX "AuditEvent_actorOrganisationId_idx" ON "AuditEvent"("actorOrganisationId");
