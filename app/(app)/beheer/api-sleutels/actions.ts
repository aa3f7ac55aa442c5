'use server';

import { formAction, readForm } from '@/lib/forms/form-action';
import { formError } from '@/lib/forms/action-error';
import { noticeUrl } from '@/lib/forms/notices';
import { requireUserId } from '@/lib/auth/session';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { createApiKey } from '@/lib/partner-api/create-api-key';
import { revokeApiKey } from '@/lib/partner-api/revoke-api-key';
import { newApiKeySchema, type NewApiKeyValues } from '@/lib/partner-api/schemas';
import type { ApiKeyFormState } from './key-form-state';

/**
 * The functional administrator's API keys (issue 14 §2; ADR 0045). A new key is answered in the
 * form's state — not in a URL, not in a redirect — so the page shows it this once and never again.
 */
export async function createApiKeyAction(prev: ApiKeyFormState, fd: FormData): Promise<ApiKeyFormState> {
  const userId = await requireUserId();
  const values = readForm(newApiKeySchema(), fd) as NewApiKeyValues;
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length)
    return { status: 'error', message: CONTROL_CHARACTER_MESSAGE, errors: bad, values, version: prev.version + 1 };
  try {
    const created = await createApiKey(userId, values);
    return {
      status: 'saved',
      errors: {},
      values: { ...values, name: '' },
      version: prev.version + 1,
      created: { id: created.id, key: created.key, name: values.name },
    };
  } catch (err) {
    return formError(err, values, prev);
  }
}

export const revokeApiKeyAction = formAction({
  bound: ['keyId'],
  run: (u, _v, { keyId }) => revokeApiKey(u, keyId),
  done: () => noticeUrl('admin', '/beheer/api-sleutels', 'sleutel-ingetrokken'),
});
