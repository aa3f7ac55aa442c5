import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { DATA_CATEGORY_LABEL, formatDateTime } from '@/lib/labels';
import { categoryOptions } from './item-fields';
import type { FormAction, View } from './types';

/**
 * A participant's own preparation for the session (ADR 0033): notes only they can read — not the
 * coordinator, not the other participants — which they bring in while the session is open.
 */
export function NotesSection({
  notes,
  members,
  sessionOpen,
  actions,
}: {
  notes: View['notes'];
  members: View['members'];
  sessionOpen: boolean;
  actions: {
    add: FormAction;
    remove: (noteId: string) => FormAction;
    bringIn: (noteId: string) => FormAction;
  };
}) {
  const memberOptions = members.map((m) => ({ value: m.id, label: m.label }));
  const fields = [
    {
      kind: 'select' as const,
      name: 'noteCategory',
      label: 'Categorie van gegevens (art. 15, § 1)',
      required: true,
      options: categoryOptions(),
    },
    {
      kind: 'select' as const,
      name: 'noteMemberId',
      label: 'Over welk lid gaat deze nota?',
      placeholder: 'Het cliëntsysteem in het algemeen',
      options: memberOptions,
    },
    { kind: 'textarea' as const, name: 'noteContent', label: 'Nota', required: true, rows: 3 },
  ];
  return (
    <Section id="voorbereiding" title="Mijn voorbereiding (enkel voor mij zichtbaar)">
      <p className="max-w-3xl">
        Bereid hier voor wat je op het overleg wilt inbrengen. Niemand anders ziet deze nota&apos;s, ook de coördinator
        niet.{' '}
        {sessionOpen
          ? 'Het overleg is geopend: breng een nota in om ze met de deelnemers te delen.'
          : 'Inbrengen kan zodra de coördinator het overleg opent.'}
      </p>
      <div className="mt-3 max-w-3xl">
        <SpecForm action={actions.add} label="Nieuwe voorbereidingsnota" submitLabel="Nota bewaren" fields={fields} />
      </div>
      {notes.length === 0 ? (
        <p className="mt-2">Je hebt geen voorbereidingsnota&apos;s voor deze casus.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {notes.map((n) => (
            <li key={n.id} className="rounded bg-white p-3">
              <p className="text-sm text-gray-700">
                {DATA_CATEGORY_LABEL[n.category]} · {n.concerns ? `betreft ${n.concerns}` : 'betreft het cliëntsysteem'}{' '}
                · laatst bewaard {formatDateTime(n.updatedAt)}
              </p>
              <p className="whitespace-pre-line">{n.content}</p>
              <div className="mt-2 flex flex-wrap gap-4">
                {sessionOpen && (
                  <SpecForm
                    action={actions.bringIn(n.id)}
                    label="Nota inbrengen in het overleg"
                    submitLabel="Inbrengen in het overleg"
                    className=""
                    fields={[]}
                  />
                )}
                <SpecForm
                  action={actions.remove(n.id)}
                  label="Nota verwijderen"
                  submitLabel="Nota verwijderen"
                  variant="secondary"
                  className=""
                  fields={[]}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
