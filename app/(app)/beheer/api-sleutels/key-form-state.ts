import type { FormState } from '@/lib/forms/form-state';
import type { NewApiKeyValues } from '@/lib/partner-api/schemas';

/** The new-key form's state: the form's, plus the key just made — shown once (ADR 0045). */
export type ApiKeyFormState = FormState<NewApiKeyValues> & {
  created?: { id: string; key: string; name: string };
};
