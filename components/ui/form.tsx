/**
 * Accessible form primitives: every field has a visible label, an error next to it that is
 * linked with aria-describedby, aria-invalid when wrong, and an id derived from its name so
 * the error summary can link to it. Uncontrolled: `defaultValue` is what the user typed.
 */
import type { ReactNode } from 'react';

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const errorId = (name: string) => `${fieldId(name)}-fout`;
const hintId = (name: string) => `${fieldId(name)}-hint`;

const inputClass = (error?: string) =>
  `mt-1 w-full rounded border px-3 py-2 ${error ? 'border-red-700 ring-1 ring-red-700' : 'border-gray-500'}`;

function describedBy(name: string, error?: string, hint?: string) {
  return [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean).join(' ') || undefined;
}

/**
 * The error under a field. `id` defaults to the one derived from `name`; a form that can appear
 * more than once on a page (an upload per section) passes its own `useId`-based id.
 */
export function FieldError({ name, error, id }: { name: string; error?: string; id?: string }) {
  if (!error) return null;
  return (
    <p id={id ?? errorId(name)} className="mt-1 text-sm font-medium text-red-800">
      <span className="sr-only">Fout: </span>
      {error}
    </p>
  );
}

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint ? (
    <p id={hintId(name)} className="mt-1 text-sm text-gray-700">
      {hint}
    </p>
  ) : null;
}

interface BaseProps {
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

function Label({ name, label, required }: { name: string; label: ReactNode; required?: boolean }) {
  return (
    <label htmlFor={fieldId(name)} className="block font-medium">
      {label}
      {required && <span className="text-gray-700"> (verplicht)</span>}
    </label>
  );
}

export function TextField(
  props: BaseProps & {
    defaultValue?: string;
    type?: string;
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'tel';
  },
) {
  const { name, label, error, hint, required, defaultValue, type = 'text', autoComplete, inputMode } = props;
  return (
    <div>
      <Label name={name} label={label} required={required} />
      <Hint name={name} hint={hint} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint ? 'hint' : undefined)}
        className={inputClass(error)}
      />
      <FieldError name={name} error={error} />
    </div>
  );
}

export function TextArea(props: BaseProps & { defaultValue?: string; rows?: number }) {
  const { name, label, error, hint, required, defaultValue, rows = 4 } = props;
  return (
    <div>
      <Label name={name} label={label} required={required} />
      <Hint name={name} hint={hint} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint ? 'hint' : undefined)}
        className={inputClass(error)}
      />
      <FieldError name={name} error={error} />
    </div>
  );
}

type Option = { value: string; label: string };
const renderOptions = (options: Option[]) =>
  options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));

/** A select; with `groups` its options are shown in labelled groups (e.g. people per organisation). */
export function SelectField(
  props: BaseProps & {
    defaultValue?: string;
    options: Option[];
    groups?: { label: string; options: Option[] }[];
    placeholder?: string;
  },
) {
  const { name, label, error, hint, required, defaultValue, options, groups, placeholder } = props;
  return (
    <div>
      <Label name={name} label={label} required={required} />
      <Hint name={name} hint={hint} />
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint ? 'hint' : undefined)}
        className={inputClass(error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {renderOptions(options)}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {renderOptions(g.options)}
          </optgroup>
        ))}
      </select>
      <FieldError name={name} error={error} />
    </div>
  );
}

export function RadioGroup(
  props: BaseProps & { defaultValue?: string; options: { value: string; label: string }[]; inline?: boolean },
) {
  const { name, label, error, hint, required, defaultValue, options, inline } = props;
  return (
    <fieldset id={fieldId(name)} aria-describedby={describedBy(name, error, hint ? 'hint' : undefined)}>
      <legend className="font-medium">
        {label}
        {required && <span className="text-gray-700"> (verplicht)</span>}
      </legend>
      <Hint name={name} hint={hint} />
      <div className={inline ? 'mt-1 flex flex-wrap gap-4' : 'mt-1 space-y-1'}>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              aria-invalid={error ? true : undefined}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

export function CheckboxGroup(
  props: BaseProps & { defaultValues?: string[]; options: { value: string; label: string }[] },
) {
  const { name, label, error, hint, required, defaultValues = [], options } = props;
  return (
    <fieldset id={fieldId(name)} aria-describedby={describedBy(name, error, hint ? 'hint' : undefined)}>
      <legend className="font-medium">
        {label}
        {required && <span className="text-gray-700"> (verplicht)</span>}
      </legend>
      <Hint name={name} hint={hint} />
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

/** The list of all errors at the top of a form, each linking to its field. */
export function ErrorSummary({ message, errors }: { message?: string; errors: Record<string, string> }) {
  const entries = Object.entries(errors).filter(([k]) => !k.startsWith('_'));
  const general = Object.entries(errors)
    .filter(([k]) => k.startsWith('_'))
    .map(([, v]) => v);
  if (!message && entries.length === 0 && general.length === 0) return null;
  return (
    <div role="alert" tabIndex={-1} className="mb-6 rounded border-2 border-red-700 bg-red-50 p-4 text-red-900">
      {message && <p className="font-semibold">{message}</p>}
      {general.map((g) => (
        <p key={g} className="mt-1">
          {g}
        </p>
      ))}
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([name, msg]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} className="underline">
                {msg}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  variant = 'primary',
  disabled,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: 'primary' | 'secondary';
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={disabled}
      className={
        variant === 'primary'
          ? 'rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70'
          : 'rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-70'
      }
    >
      {children}
    </button>
  );
}
