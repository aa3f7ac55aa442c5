'use server';

import { redirect } from 'next/navigation';
import { requireUserId } from '@/lib/auth/session';
import { bound } from '@/lib/forms/bound';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl, type Notice } from '@/lib/forms/notices';
import {
  recordAgencyException,
  recordAgencyPosition,
  requestAgencyConsultation,
} from '@/lib/admission/agency-consultation';
import { checkAdmission } from '@/lib/admission/check-admission';
import { decideAdmission } from '@/lib/admission/decide-admission';
import {
  agencyExceptionSchema,
  agencyPositionSchema,
  agencyRequestSchema,
  checkSchema,
  decisionSchema,
} from '@/lib/admission/schemas';
import { savePartnerInput } from '@/lib/partner-input/save-partner-input';
import { closeRoundSchema, partnerInputSchema } from '@/lib/partner-input/schemas';
import { closeInputRound } from '@/lib/partner-input/close-input-round';
import { requestTransfer } from '@/lib/transfers/request-transfer';
import { transferSchema } from '@/lib/transfers/schemas';
import { revealPersonalData } from '@/lib/dossiers/reveal-personal-data';
import { setSafeAddress } from '@/lib/dossiers/set-safe-address';
import { isAppError } from '@/lib/errors';
import type { RevealState } from '@/components/dossier/reveal';

const page = (dossierId: string, notice: Notice<'dossier'>, anchor?: string) =>
  noticeUrl('dossier', `/dossiers/${dossierId}`, notice, anchor);

export const checkAdmissionAction = formAction({
  bound: ['dossierId'],
  schema: checkSchema,
  run: (u, v, { dossierId }) => checkAdmission(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'getoetst', 'toetsing'),
});

export const requestAgencyAction = formAction({
  bound: ['dossierId'],
  schema: agencyRequestSchema,
  run: (u, v, { dossierId }) => requestAgencyConsultation(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'overleg', 'voorziening'),
});

export const agencyExceptionAction = formAction({
  bound: ['dossierId'],
  schema: agencyExceptionSchema,
  run: (u, v, { dossierId }) => recordAgencyException(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'uitzondering', 'voorziening'),
});

export const agencyPositionAction = formAction({
  bound: ['dossierId'],
  schema: agencyPositionSchema,
  run: (u, v, { dossierId }) => recordAgencyPosition(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'standpunt', 'voorziening'),
});

export const decideAdmissionAction = formAction({
  bound: ['dossierId'],
  schema: decisionSchema,
  run: (u, v, { dossierId }) => decideAdmission(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'beslist'),
});

export const savePartnerInputAction = formAction({
  bound: ['dossierId'],
  schema: partnerInputSchema,
  run: (u, v, { dossierId }) => savePartnerInput(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'aanvulling'),
});

export const closeInputRoundAction = formAction({
  bound: ['dossierId'],
  schema: closeRoundSchema,
  run: (u, v, { dossierId }) => closeInputRound(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'rondegesloten'),
});

export const requestTransferAction = formAction({
  bound: ['dossierId'],
  schema: transferSchema,
  run: (u, v, { dossierId }) => requestTransfer(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'overdracht', 'overdracht'),
});

export const safeAddressAction = formAction({
  bound: ['dossierId', 'memberId'],
  flags: ['safe'],
  run: (u, _v, { dossierId, memberId, safe }) => setSafeAddress(u, dossierId, memberId, safe),
  done: ({ dossierId }) => page(dossierId, 'veilig-adres', 'leden'),
});

/** Reveals one masked personal datum with a reason (logged); the value only goes back to this form. */
export async function revealAction(
  dossierId: string,
  subject: string,
  subjectId: string,
  field: string,
  _prev: RevealState,
  fd: FormData,
): Promise<RevealState> {
  await bound({ dossierId, subject, subjectId, field });
  const userId = await requireUserId();
  const reason = typeof fd.get('reason') === 'string' ? (fd.get('reason') as string) : '';
  try {
    return await revealPersonalData(userId, { dossierId, subject, subjectId, field, reason });
  } catch (err) {
    if (isAppError(err) && (err.code === 'VALIDATION' || err.code === 'CONFLICT'))
      return { error: err.fieldErrors?.reason ?? err.message };
    if (isAppError(err) && err.code === 'UNAUTHENTICATED') redirect('/login?fout=sessie');
    return { error: 'Dit gegeven kan niet getoond worden.' };
  }
}
