/** What a form's server action answers: errors per field, and the values exactly as typed. */
export interface FormState<V> {
  status: 'idle' | 'error' | 'saved';
  message?: string;
  errors: Record<string, string>;
  values: V;
  /** bumps on every answer, so the form re-renders with the returned values */
  version: number;
}

export const initialFormState = <V>(values: V): FormState<V> => ({ status: 'idle', errors: {}, values, version: 0 });
