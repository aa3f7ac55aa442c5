'use client';

import { useActionState, useEffect, useRef } from 'react';
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, SubmitButton, TextArea, TextField } from './form';
import type { FormState } from '@/lib/forms/form-state';

/**
 * A form described by data, so that server pages can declare small forms without writing a
 * client component each time: every field gets its label, hint, Dutch error next to it and the
 * value the user typed back after an error. Hidden fields carry ids the server re-checks.
 */
type Values = Record<string, string | string[]>;

/**
 * One field of a SpecForm. `N` is the set of field names the action's zod schema reads
 * (lib/forms/form-action.ts): a field the action would not read does not compile.
 */
export type FieldSpec<N extends string = string> =
  | { kind: 'text' | 'date' | 'time' | 'datetime'; name: N; label: string; required?: boolean; hint?: string }
  | { kind: 'textarea'; name: N; label: string; required?: boolean; hint?: string; rows?: number }
  | {
      kind: 'select';
      name: N;
      label: string;
      required?: boolean;
      hint?: string;
      placeholder?: string;
      options: { value: string; label: string }[];
      groups?: { label: string; options: { value: string; label: string }[] }[];
    }
  | {
      kind: 'radio';
      name: N;
      label: string;
      required?: boolean;
      hint?: string;
      inline?: boolean;
      options: { value: string; label: string }[];
    }
  | {
      kind: 'checkboxes';
      name: N;
      label: string;
      required?: boolean;
      hint?: string;
      options: { value: string; label: string }[];
    }
  | { kind: 'hidden'; name: N; value: string }
  | { kind: 'note'; text: string };

/**
 * The action of a form with values `V` (method syntax: a component that takes "any form action"
 * accepts one typed by its own schema).
 */
export type FormActionOf<V extends Values = Values> = {
  bivariant(prev: FormState<V>, fd: FormData): Promise<FormState<V>>;
}['bivariant'];

export function SpecForm<V extends Values = Values>({
  action,
  fields,
  submitLabel,
  initial = {},
  variant = 'primary',
  className = 'space-y-4 rounded border border-gray-300 bg-white p-4',
  label,
}: {
  action: FormActionOf<V>;
  fields: FieldSpec<keyof V & string>[];
  submitLabel: string;
  initial?: Partial<NoInfer<V>>;
  variant?: 'primary' | 'secondary';
  className?: string;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {
    status: 'idle',
    errors: {},
    values: initial as V,
    version: 0,
  });
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [state]);
  const v = state.values;
  const e = state.errors;
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : '');
  return (
    <form ref={ref} key={state.version} action={formAction} noValidate className={className} aria-label={label}>
      <ErrorSummary message={state.message} errors={e} />
      {fields.map((f, i) => {
        switch (f.kind) {
          case 'hidden':
            return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
          case 'note':
            return (
              <p key={`note-${i}`} className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
                {f.text}
              </p>
            );
          case 'textarea':
            return (
              <TextArea
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                required={f.required}
                rows={f.rows}
                defaultValue={str(f.name)}
                error={e[f.name]}
              />
            );
          case 'select':
            return (
              <SelectField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                required={f.required}
                placeholder={f.placeholder ?? 'Kies…'}
                options={f.options}
                groups={f.groups}
                defaultValue={str(f.name)}
                error={e[f.name]}
              />
            );
          case 'radio':
            return (
              <RadioGroup
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                required={f.required}
                inline={f.inline}
                options={f.options}
                defaultValue={str(f.name)}
                error={e[f.name]}
              />
            );
          case 'checkboxes':
            return (
              <CheckboxGroup
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                required={f.required}
                options={f.options}
                defaultValues={Array.isArray(v[f.name]) ? (v[f.name] as string[]) : []}
                error={e[f.name]}
              />
            );
          default:
            return (
              <TextField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                required={f.required}
                type={f.kind === 'datetime' ? 'datetime-local' : f.kind}
                defaultValue={str(f.name)}
                error={e[f.name]}
              />
            );
        }
      })}
      <SubmitButton variant={variant} disabled={pending}>
        {pending ? 'Bezig…' : submitLabel}
      </SubmitButton>
    </form>
  );
}
