'use client';

import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form';
import { useForm, type FormAction } from '@/components/ui/use-form';

type Values = Record<string, never>;

/** The form of /wachtwoord-instellen: a new password twice (issue 13 §6). */
export function SetPasswordForm({ action, minLength }: { action: FormAction<Values>; minLength: number }) {
  const { state, formAction, pending, ref } = useForm<Values>(action, {});
  return (
    <form
      ref={ref}
      key={state.version}
      action={formAction}
      noValidate
      className="space-y-4"
      aria-label="Wachtwoord instellen"
    >
      <ErrorSummary message={state.message} errors={state.errors} />
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        label="Nieuw wachtwoord"
        required
        hint={`Minstens ${minLength} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`}
        error={state.errors.password}
      />
      <TextField
        name="repeat"
        type="password"
        autoComplete="new-password"
        label="Herhaal het wachtwoord"
        required
        error={state.errors.repeat}
      />
      <SubmitButton disabled={pending}>Wachtwoord instellen</SubmitButton>
    </form>
  );
}
