import 'server-only';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { requireUserId } from '@/lib/auth/session';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { formError } from './action-error';
import { bound } from './bound';
import type { FormState } from './form-state';

/**
 * The one pipeline of a server action behind a form (issue 10 §2):
 *   bound arguments checked (forged → logged, 404) → signed-in user → FormData read by the
 *   schema's keys → control characters refused → the use case → field errors back with the values
 *   exactly as typed, or a redirect with a typed notice.
 * A field is named once, in the use case's zod object; the page's field specs are typed against
 * the same object (`FieldSpec<typeof schema>` in components/ui/spec-form.tsx), and the action no
 * longer spells field names.
 */

type AnyObject = z.ZodObject<z.ZodRawShape> | z.ZodDiscriminatedUnion<z.ZodObject<z.ZodRawShape>[]>;

type AllKeys<T> = T extends unknown ? keyof T : never;
type FieldOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** What the form sends for a schema: a string per field, a list of strings for an array field. */
export type FormValuesOf<S extends AnyObject> = {
  [K in AllKeys<z.input<S>>]-?: NonNullable<FieldOf<z.input<S>, K>> extends readonly unknown[] ? string[] : string;
};

/** The fields of a form's schema: an object's, or every branch's of a discriminated union. */
function shapeOf(schema: AnyObject): Record<string, unknown> {
  if ('shape' in schema) return schema.shape;
  return Object.assign({}, ...schema.options.map((o) => o.shape));
}

type Def = { type: string; innerType?: Def; in?: Def; _zod?: { def: Def } };
/** Whether a schema field takes several values (checkbox groups): arrays, also when optional or defaulted. */
function isArrayField(field: unknown): boolean {
  let def = (field as { _zod: { def: Def } })._zod.def;
  for (let i = 0; i < 10; i++) {
    if (def.type === 'array') return true;
    const inner = def.innerType ?? def.in;
    if (!inner) return false;
    def = inner._zod?.def ?? inner;
  }
  return false;
}

/** FormData → the schema's fields, nothing else (unknown fields are ignored, missing ones are ''). */
export function readForm<S extends AnyObject>(schema: S, fd: FormData): FormValuesOf<S> {
  const out: Record<string, string | string[]> = {};
  for (const [key, field] of Object.entries(shapeOf(schema))) {
    out[key] = isArrayField(field)
      ? fd.getAll(key).filter((x): x is string => typeof x === 'string')
      : typeof fd.get(key) === 'string'
        ? (fd.get(key) as string)
        : '';
  }
  return out as FormValuesOf<S>;
}

type Strings<B extends readonly string[]> = { [K in keyof B]: string };
type Booleans<F extends readonly string[]> = { [K in keyof F]: boolean };
type Args<B extends readonly string[], F extends readonly string[]> = Record<B[number], string> &
  Record<F[number], boolean>;

export interface FormActionSpec<S extends AnyObject, B extends readonly string[], F extends readonly string[]> {
  /** the names of the bound arguments, in order: `…Id` must be a UUID, anything else a short code */
  bound: B;
  /** the names of bound boolean arguments, after `bound` */
  flags?: F;
  /** the use case's zod object; its keys are the fields read from the form */
  schema?: S;
  run: (userId: string, values: FormValuesOf<S>, args: Args<B, F>) => Promise<unknown>;
  /** where to go after success (use `noticeUrl` for a confirmation) */
  done: (args: Args<B, F>) => string;
}

/**
 * Builds the server action. The result takes the bound arguments first, then the form state and
 * the FormData — the shape `useActionState(action.bind(null, …ids))` expects.
 */
export function formAction<
  const B extends readonly string[],
  S extends AnyObject = z.ZodObject<Record<string, never>>,
  const F extends readonly string[] = [],
>(
  spec: FormActionSpec<S, B, F>,
): (
  ...args: [...Strings<B>, ...Booleans<F>, FormState<FormValuesOf<S>>, FormData]
) => Promise<FormState<FormValuesOf<S>>> {
  type Values = FormValuesOf<S>;
  const flagNames = (spec.flags ?? []) as readonly string[];
  return async (...all: unknown[]) => {
    const n = spec.bound.length + flagNames.length;
    const ids = Object.fromEntries(spec.bound.map((name, i) => [name, all[i]]));
    const flags = Object.fromEntries(flagNames.map((name, i) => [name, all[spec.bound.length + i]]));
    await bound(ids, flags);
    const prev = (all[n] ?? { status: 'idle', errors: {}, values: {}, version: 0 }) as FormState<Values>;
    const fd = all[n + 1] instanceof FormData ? (all[n + 1] as FormData) : new FormData();
    const userId = await requireUserId();
    const values = (spec.schema ? readForm(spec.schema, fd) : {}) as Values;
    const bad = controlCharacterErrors(fd);
    if (Object.keys(bad).length)
      return { status: 'error', message: CONTROL_CHARACTER_MESSAGE, errors: bad, values, version: prev.version + 1 };
    const args = { ...ids, ...flags } as Args<B, F>;
    try {
      await spec.run(userId, values, args);
    } catch (err) {
      return formError(err, values, prev);
    }
    redirect(spec.done(args));
  };
}
