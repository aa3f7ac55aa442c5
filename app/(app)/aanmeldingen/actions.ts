'use server';

import { redirect } from 'next/navigation';
import { requireUserId } from '@/lib/auth/session';
import { saveReferral } from '@/lib/referrals/save-referral';
import { referralValuesFromForm } from '@/lib/referrals/form-data';
import { formError } from '@/lib/forms/action-error';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import type { FormState } from '@/lib/forms/form-state';
import { noticeUrl } from '@/lib/forms/notices';
import type { ReferralValues } from '@/lib/referrals/schemas';

export async function saveReferralAction(
  dossierId: string | null,
  prev: FormState<ReferralValues>,
  fd: FormData,
): Promise<FormState<ReferralValues>> {
  const userId = await requireUserId();
  const values = referralValuesFromForm(fd);
  const mode = fd.get('intent') === 'submit' ? 'submit' : 'draft';
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length)
    return { status: 'error', message: CONTROL_CHARACTER_MESSAGE, errors: bad, values, version: prev.version + 1 };
  let result: Awaited<ReturnType<typeof saveReferral>>;
  try {
    result = await saveReferral(userId, values, { mode, dossierId: dossierId ?? undefined });
  } catch (err) {
    return formError(err, values, prev);
  }
  redirect(
    mode === 'submit'
      ? noticeUrl('dossier', `/dossiers/${result.dossierId}`, 'ingediend')
      : noticeUrl('draft', `/aanmeldingen/${result.dossierId}/bewerken`, 'bewaard'),
  );
}
