'use server';

import { bound } from '@/lib/forms/bound';
import { redirect } from 'next/navigation';
import { requireUserId } from '@/lib/auth/session';
import { formError } from '@/lib/forms/action-error';
import type { FormState } from '@/lib/forms/form-state';
import { valuesFromForm } from '@/lib/referrals/form-data';
import { recordConsultation } from '@/lib/admission/record-consultation';
import { decideAdmission } from '@/lib/admission/decide-admission';
import { savePartnerInput } from '@/lib/partner-input/save-partner-input';
import { closeInputRound } from '@/lib/partner-input/close-input-round';
import { requestTransfer } from '@/lib/transfers/request-transfer';
import { runFormAction, s } from '@/lib/forms/run-action';
import { revealPersonalData } from '@/lib/dossiers/reveal-personal-data';
import { setSafeAddress } from '@/lib/dossiers/set-safe-address';
import { isAppError } from '@/lib/errors';
import type { RevealState } from '@/components/dossier/reveal';
import type { ConsultationValues, DecisionValues } from '@/lib/admission/schemas';
import type { PartnerInputValues } from '@/lib/partner-input/schemas';

const CONSULTATION_KEYS = ['agency', 'agencyName', 'consultedPerson', 'consultedAt', 'view'] as const;
const DECISION_KEYS = [
  'criterion1Met', 'criterion1Reason', 'criterion2Met', 'criterion2Reason', 'criterion3Met', 'criterion3Reason',
  'riskLevel', 'riskAssessment', 'decision', 'decisionReasons',
] as const;
const INPUT_KEYS = ['knownStatus', 'trajectory', 'trajectoryProgress', 'viewOnFollowUp'] as const;

/** Runs one use case for a form; on success back to the dossier with a notice. */
async function submit<V>(
  prev: FormState<V>,
  values: V,
  run: (userId: string) => Promise<unknown>,
  done: string,
): Promise<FormState<V>> {
  const userId = await requireUserId();
  try {
    await run(userId);
  } catch (err) {
    return formError(err, values, prev);
  }
  redirect(done);
}

export async function recordConsultationAction(dossierId: string, prev: FormState<ConsultationValues>, fd: FormData) {
  await bound({ dossierId });
  const values = valuesFromForm(fd, CONSULTATION_KEYS);
  return submit(prev, values, (u) => recordConsultation(u, dossierId, values), `/dossiers/${dossierId}?melding=overleg#toetsing`);
}

export async function decideAdmissionAction(dossierId: string, prev: FormState<DecisionValues>, fd: FormData) {
  await bound({ dossierId });
  const values = valuesFromForm(fd, DECISION_KEYS);
  return submit(prev, values, (u) => decideAdmission(u, dossierId, values), `/dossiers/${dossierId}?melding=beslist`);
}

export async function savePartnerInputAction(dossierId: string, prev: FormState<PartnerInputValues>, fd: FormData) {
  await bound({ dossierId });
  const values = valuesFromForm(fd, INPUT_KEYS);
  return submit(prev, values, (u) => savePartnerInput(u, dossierId, values), `/dossiers/${dossierId}?melding=aanvulling`);
}

export async function closeInputRoundAction(dossierId: string, prev: FormState<Record<string, never>>) {
  await bound({ dossierId });
  return submit(prev, {}, (u) => closeInputRound(u, dossierId), `/dossiers/${dossierId}?melding=rondegesloten`);
}

export async function requestTransferAction(dossierId: string, prev: FormState<Record<string, string | string[]>>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(prev, fd, (u, v) => requestTransfer(u, dossierId, { toSafeHouseId: s(v, 'toSafeHouseId'), reason: s(v, 'reason') }), `/dossiers/${dossierId}?melding=overdracht#overdracht`);
}

export async function safeAddressAction(dossierId: string, memberId: string, safe: boolean, prev: FormState<Record<string, string | string[]>>, fd: FormData) {
  await bound({ dossierId, memberId }, { safe });
  return runFormAction(prev, fd, (u) => setSafeAddress(u, dossierId, memberId, safe), `/dossiers/${dossierId}?melding=veilig-adres#leden`);
}

/** Reveals one masked personal datum with a reason (logged); the value only goes back to this form. */
export async function revealAction(dossierId: string, subject: string, subjectId: string, field: string, _prev: RevealState, fd: FormData): Promise<RevealState> {
  await bound({ dossierId, subject, subjectId, field });
  const userId = await requireUserId();
  const reason = typeof fd.get('reason') === 'string' ? (fd.get('reason') as string) : '';
  try {
    return await revealPersonalData(userId, { dossierId, subject, subjectId, field, reason });
  } catch (err) {
    if (isAppError(err) && (err.code === 'VALIDATION' || err.code === 'CONFLICT')) return { error: err.fieldErrors?.reason ?? err.message };
    if (isAppError(err) && err.code === 'UNAUTHENTICATED') redirect('/login?fout=sessie');
    return { error: 'Dit gegeven kan niet getoond worden.' };
  }
}
