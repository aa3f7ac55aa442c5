import { z } from '@/lib/validation/zod';
import { type CONFIGURABLE_KINDS, NOTIFICATION_MODES } from './kinds';

const mode = z.enum(NOTIFICATION_MODES, 'Kies een van de drie mogelijkheden.');

/** The preference form (ADR 0039): one radio group per kind the user can choose for, all required. */
export const preferencesSchema = z.object({
  REFERRAL_TO_TRIAGE: mode,
  INPUT_ROUND: mode,
  CONSULTATION: mode,
  DISCLOSURE_VOTE: mode,
  RETENTION_VOTE: mode,
  ACTION_DUE: mode,
  ACTION_OVERDUE: mode,
  TRANSFER: mode,
} satisfies Record<(typeof CONFIGURABLE_KINDS)[number], typeof mode>);
export type PreferenceValues = z.input<typeof preferencesSchema>;
