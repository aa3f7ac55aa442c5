/** What the conference PDF shows, and the watermark it carries on every page. */
export interface ConferencePdfInput {
  safeHouseName: string;
  dossierReference: string;
  clientSystemLabel: string; // may be pseudonymised by the caller
  sessionDate: Date;
  location: string;
  participants: { organisation: string; person: string; role: string }[];
  minutes: string; // free text, may be long, with newlines
  decisions: string[];
  actionPlan: {
    caseDirector: string | null;
    goals: {
      title: string;
      actions: {
        description: string;
        owner: string;
        due: Date | null;
        done: boolean;
        /** the status in words (issue 12 §6: open, afgerond, geannuleerd); defaults from `done` */
        status?: string;
      }[];
    }[];
  };
}

export interface ConferencePdfWatermark {
  downloadedBy: string;
  organisation: string;
  at: Date;
}
