'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form';
import { MEMBER_ROLE_LABEL, STATUS_LABEL } from '@/lib/labels';
import type { PersonSearchState } from '@/lib/gdpr/schemas';
import { DataTable } from '@/components/ui/data-table';

type Action = (prev: PersonSearchState, fd: FormData) => Promise<PersonSearchState>;

const formatBirth = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');

/**
 * Search for one person in the coordinator's own dossiers. POST through a server action: the
 * name or number typed stays out of the URL; the answer comes back in the form state.
 */
export function PersonSearch({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {
    status: 'idle',
    errors: {},
    values: { nationalNumber: '', lastName: '', firstName: '', dateOfBirth: '' },
    version: 0,
    results: null,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status === 'error') formRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
    if (state.status === 'saved') resultsRef.current?.focus();
  }, [state]);
  const v = state.values;
  const e = state.errors;
  return (
    <>
      <form
        ref={formRef}
        key={state.version}
        action={formAction}
        noValidate
        aria-label="Persoon zoeken"
        className="mt-6 space-y-4 rounded border border-gray-300 bg-white p-4"
      >
        <ErrorSummary message={state.status === 'error' ? state.message : undefined} errors={e} />
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Op rijksregisternummer</legend>
          <TextField
            name="nationalNumber"
            label="Rijksregisternummer"
            hint="11 cijfers, bv. 85.07.30-033.61. Exacte overeenkomst."
            inputMode="numeric"
            defaultValue={v.nationalNumber}
            error={e.nationalNumber}
          />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Of op naam</legend>
          <p className="text-sm text-gray-700">
            Wordt enkel gebruikt als het rijksregisternummer leeg is. Voor- en achternaam moeten exact overeenkomen
            (hoofdletters maken niet uit).
          </p>
          <div className="grid gap-4 md:grid-cols-3">
            <TextField name="lastName" label="Achternaam" defaultValue={v.lastName} error={e.lastName} />
            <TextField name="firstName" label="Voornaam" defaultValue={v.firstName} error={e.firstName} />
            <TextField
              name="dateOfBirth"
              type="date"
              label="Geboortedatum (optioneel)"
              defaultValue={v.dateOfBirth}
              error={e.dateOfBirth}
            />
          </div>
        </fieldset>
        <SubmitButton disabled={pending}>{pending ? 'Bezig met zoeken…' : 'Zoeken'}</SubmitButton>
      </form>

      {state.results !== null && (
        <section aria-labelledby="resultaten" className="mt-8">
          <h2 id="resultaten" ref={resultsRef} tabIndex={-1} className="text-xl font-semibold">
            Resultaten
          </h2>
          {state.results.length === 0 ? (
            <p className="mt-2">Niemand gevonden in de dossiers van jouw Veilig Huis.</p>
          ) : (
            <DataTable
              caption="Gevonden leden van cliëntsystemen"
              className="mt-3 text-sm"
              rows={state.results}
              rowKey={(r) => r.memberId}
              columns={[
                {
                  header: 'Naam',
                  cell: (r) => (
                    <Link href={`/inzage/${r.memberId}`} className="text-brand-700 underline">
                      {r.firstName} {r.lastName}
                    </Link>
                  ),
                },
                { header: 'Geboortedatum', cell: (r) => formatBirth(r.dateOfBirth) },
                { header: 'Rol', cell: (r) => MEMBER_ROLE_LABEL[r.memberRole] },
                { header: 'Dossier', className: 'font-mono', cell: (r) => r.reference },
                { header: 'Status', cell: (r) => STATUS_LABEL[r.status] },
                { header: 'Veilig Huis', cell: (r) => r.safeHouseName },
              ]}
            />
          )}
        </section>
      )}
    </>
  );
}
