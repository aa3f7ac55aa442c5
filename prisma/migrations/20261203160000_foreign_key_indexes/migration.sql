-- Issue 11 §3: two foreign keys without an index made every conference view and PDF scan the
-- whole PlanAction and ConferenceDecision tables (the nested includes of getCaseConference).
CREATE INDEX "PlanAction_goalId_idx" ON "PlanAction"("goalId");
CREATE INDEX "ConferenceDecision_agendaItemId_idx" ON "ConferenceDecision"("agendaItemId");
