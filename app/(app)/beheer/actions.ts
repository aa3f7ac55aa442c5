'use server';

import { redirect } from 'next/navigation';
import { bound } from '@/lib/forms/bound';
import { formAction, readForm, type FormValuesOf } from '@/lib/forms/form-action';
import { formError } from '@/lib/forms/action-error';
import type { FormState } from '@/lib/forms/form-state';
import { noticeUrl } from '@/lib/forms/notices';
import { requireUserId } from '@/lib/auth/session';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { createUser, updateUser } from '@/lib/admin/save-user';
import { inviteUser } from '@/lib/admin/invite-user';
import { setUserActive } from '@/lib/admin/set-user-active';
import { grantRole } from '@/lib/admin/grant-role';
import { revokeRole } from '@/lib/admin/revoke-role';
import { createOrganisation, updateOrganisation } from '@/lib/admin/save-organisation';
import { confirmAccessReview } from '@/lib/admin/access-review';
import { oidcLinkSchema, registerOidcLink } from '@/lib/admin/register-oidc-link';
import { unlinkOidc } from '@/lib/admin/unlink-oidc';
import { newUserSchema, organisationSchema, roleSchema, userSchema } from '@/lib/admin/schemas';

/** The functional administrator's forms (issue 13 §6): thin, each one use case of lib/admin. */

type NewUserValues = FormValuesOf<typeof newUserSchema>;

/**
 * A new user: the page to go to depends on the result (the new account, and whether the mail went
 * out), so this one runs the form pipeline of lib/forms/form-action.ts by hand — no bound arguments.
 */
export async function createUserAction(
  prev: FormState<NewUserValues>,
  fd: FormData,
): Promise<FormState<NewUserValues>> {
  const userId = await requireUserId();
  const values = readForm(newUserSchema, fd);
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length)
    return { status: 'error', message: CONTROL_CHARACTER_MESSAGE, errors: bad, values, version: prev.version + 1 };
  let result: { id: string; mailed: boolean };
  try {
    result = await createUser(userId, values);
  } catch (err) {
    return formError(err, values, prev);
  }
  redirect(
    noticeUrl('admin', `/beheer/gebruikers/${result.id}`, result.mailed ? 'aangemaakt' : 'aangemaakt-niet-gemaild'),
  );
}

export const updateUserAction = formAction({
  bound: ['targetId'],
  schema: userSchema,
  run: (u, v, { targetId }) => updateUser(u, targetId, v),
  done: ({ targetId }) => noticeUrl('admin', `/beheer/gebruikers/${targetId}`, 'gewijzigd'),
});

/** Invite (again): where to go depends on whether the mail went out, so by hand as above. */
export async function inviteUserAction(
  targetId: string,
  prev: FormState<Record<string, never>>,
  _fd: FormData,
): Promise<FormState<Record<string, never>>> {
  await bound({ targetId });
  const userId = await requireUserId();
  let mailed: boolean;
  try {
    ({ mailed } = await inviteUser(userId, targetId));
  } catch (err) {
    return formError(err, {} as Record<string, never>, prev);
  }
  redirect(noticeUrl('admin', `/beheer/gebruikers/${targetId}`, mailed ? 'uitgenodigd' : 'niet-gemaild'));
}

export const setActiveAction = formAction({
  bound: ['targetId'],
  flags: ['active'],
  run: (u, _v, { targetId, active }) => setUserActive(u, targetId, active),
  done: ({ targetId, active }) =>
    noticeUrl('admin', `/beheer/gebruikers/${targetId}`, active ? 'geactiveerd' : 'gedeactiveerd'),
});

export const grantRoleAction = formAction({
  bound: ['targetId'],
  schema: roleSchema,
  run: (u, v, { targetId }) => grantRole(u, targetId, v),
  done: ({ targetId }) => noticeUrl('admin', `/beheer/gebruikers/${targetId}`, 'rol-toegekend'),
});

export const revokeRoleAction = formAction({
  bound: ['targetId', 'roleId'],
  run: (u, _v, { roleId }) => revokeRole(u, roleId),
  done: ({ targetId }) => noticeUrl('admin', `/beheer/gebruikers/${targetId}`, 'rol-ingetrokken'),
});

export const createOrganisationAction = formAction({
  bound: [],
  schema: organisationSchema,
  run: (u, v) => createOrganisation(u, v),
  done: () => noticeUrl('admin', '/beheer/organisaties', 'organisatie-aangemaakt'),
});

export const updateOrganisationAction = formAction({
  bound: ['organisationId'],
  schema: organisationSchema,
  run: (u, v, { organisationId }) => updateOrganisation(u, organisationId, v),
  done: () => noticeUrl('admin', '/beheer/organisaties', 'organisatie-gewijzigd'),
});

export const confirmReviewAction = formAction({
  bound: ['safeHouseId'],
  run: (u, _v, { safeHouseId }) => confirmAccessReview(u, safeHouseId),
  done: () => noticeUrl('admin', '/beheer/toegangsreview', 'bevestigd'),
});

/** Issue 14 §1 (ADR 0044): the national number that links the account at its first IdP login. */
export const registerOidcLinkAction = formAction({
  bound: ['targetId'],
  schema: oidcLinkSchema,
  run: (u, v, { targetId }) => registerOidcLink(u, targetId, v),
  done: ({ targetId }) => noticeUrl('admin', `/beheer/gebruikers/${targetId}`, 'rrn-geregistreerd'),
});

/** Issue 14 §1 (ADR 0044): the account no longer opens through its IdP identity. */
export const unlinkOidcAction = formAction({
  bound: ['targetId'],
  run: (u, _v, { targetId }) => unlinkOidc(u, targetId),
  done: ({ targetId }) => noticeUrl('admin', `/beheer/gebruikers/${targetId}`, 'ontkoppeld'),
});
