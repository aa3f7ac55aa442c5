'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form';
import { MEMBER_ROLE_LABEL, STATUS_LABEL } from '@/lib/labels';
import { emptySearch, SEARCH_RESULT_CAP } from '@/lib/search/constants';
import type { SearchState } from '@/lib/search/schemas';
import { DataTable } from '@/components/ui/data-table';

type Action = (prev: SearchState, fd: FormData) => Promise<SearchState>;

const formatDay = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');

/**
 * The coordinator's search in the dossiers of their safe house (issue 13 §4; ADR 0041). POST
 * through a server action: what was typed stays out of the URL; the answer comes back in the
 * form state. Errors are announced (role=alert, focused); the results heading gets the focus.
 */
export function DossierSearch({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {
    status: 'idle',
    errors: {},
    values: emptySearch(),
    version: 0,
    result: null,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status === 'error') formRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
    if (state.status === 'saved') resultsRef.current?.focus();
  }, [state]);
  const v = state.values;
  const e = state.errors;
  const result = state.result;
  return (
    <>
      <form
        ref={formRef}
        key={state.version}
        action={formAction}
        noValidate
        aria-label="Dossiers zoeken"
        className="mt-6 space-y-4 rounded border border-gray-300 bg-white p-4"
      >
        <ErrorSummary message={state.status === 'error' ? state.message : undefined} errors={e} />
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            name="name"
            label="Naam"
            hint="Van een lid of van het cliëntsysteem; hoofdletters en accenten maken niet uit, het begin van een naam volstaat (minstens 2 letters)."
            defaultValue={v.name}
            error={e.name}
          />
          <TextField
            name="reference"
            label="Referentie"
            hint="Of een deel ervan, bv. VH-ANT-2026-0001 of 0001."
            defaultValue={v.reference}
            error={e.reference}
          />
          <TextField
            name="dateOfBirth"
            type="date"
            label="Geboortedatum van een lid"
            defaultValue={v.dateOfBirth}
            error={e.dateOfBirth}
          />
          <TextField
            name="nationalNumber"
            label="Rijksregisternummer van een lid"
            hint="11 cijfers, bv. 85.07.30-033.61. Exacte overeenkomst."
            inputMode="numeric"
            defaultValue={v.nationalNumber}
            error={e.nationalNumber}
          />
        </div>
        <SubmitButton disabled={pending}>{pending ? 'Bezig met zoeken…' : 'Zoeken'}</SubmitButton>
      </form>

      {result !== null && (
        <section aria-labelledby="resultaten" className="mt-8">
          <h2 id="resultaten" ref={resultsRef} tabIndex={-1} className="text-xl font-semibold">
            Resultaten
          </h2>
          <p role="status" className="mt-2">
            {result.hits.length === 0
              ? 'Geen dossier gevonden in de dossiers van jouw Veilig Huis.'
              : result.capped
                ? `Meer dan ${SEARCH_RESULT_CAP} dossiers gevonden; de ${SEARCH_RESULT_CAP} nieuwste staan hieronder. Verfijn je zoekopdracht, bv. met een geboortedatum.`
                : `${result.hits.length} dossier(s) gevonden.`}
          </p>
          {result.hits.length > 0 && (
            <DataTable
              caption="Gevonden dossiers"
              className="mt-3 text-sm"
              rowClassName="align-top"
              rows={result.hits}
              rowKey={(h) => h.dossierId}
              columns={[
                {
                  header: 'Dossier',
                  cell: (h) => (
                    <Link href={`/dossiers/${h.dossierId}`} className="font-mono text-brand-700 underline">
                      {h.reference}
                    </Link>
                  ),
                },
                { header: 'Cliëntsysteem', cell: (h) => h.clientSystemLabel },
                {
                  header: 'Gevonden leden',
                  cell: (h) =>
                    h.members.length === 0 ? (
                      '—'
                    ) : (
                      <ul>
                        {h.members.map((m, i) => (
                          <li key={i}>
                            {m.firstName} {m.lastName} ({MEMBER_ROLE_LABEL[m.memberRole]}
                            {m.dateOfBirth ? `, geboren ${formatDay(m.dateOfBirth)}` : ''})
                          </li>
                        ))}
                      </ul>
                    ),
                },
                { header: 'Status', cell: (h) => STATUS_LABEL[h.status] },
                { header: 'Aangemeld', cell: (h) => formatDay(h.submittedOn) },
              ]}
            />
          )}
        </section>
      )}
    </>
  );
}
