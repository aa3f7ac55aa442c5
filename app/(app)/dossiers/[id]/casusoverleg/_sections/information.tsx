import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { DATA_CATEGORY_LABEL, formatDateTime } from '@/lib/labels';
import type { FormAction, View } from './types';

const categoryOptions = () =>
  Object.entries(DATA_CATEGORY_LABEL).map(([value, label]) => ({ value, label: `${value}. ${label}` }));

/** Information brought in by the organisations (art. 15, § 1): correcting and withdrawing one's own, adding new. */
export function InformationSection({
  items,
  members,
  canContribute,
  actions,
}: {
  items: View['items'];
  members: View['members'];
  canContribute: boolean;
  actions: { add: FormAction; correct: (itemId: string) => FormAction; withdraw: (itemId: string) => FormAction };
}) {
  const memberOptions = members.map((m) => ({ value: m.id, label: m.label }));
  return (
    <Section id="informatie" title="Ingebrachte informatie">
      {items.length === 0 ? (
        <p>Nog geen informatie ingebracht.</p>
      ) : (
        <ul className="space-y-2">
          {items.map((i) => (
            <li key={i.id} className="rounded bg-white p-3">
              {i.withdrawnAt ? (
                <p className="text-sm text-gray-700">
                  Informatie van {i.organisation}, ingetrokken door de organisatie op {formatDateTime(i.withdrawnAt)}{' '}
                  (art. 15, § 2).
                </p>
              ) : (
                <>
                  <p className="text-sm text-gray-700">
                    {i.organisation} · {DATA_CATEGORY_LABEL[i.category]} ·{' '}
                    {i.concerns ? `betreft ${i.concerns}` : 'betreft het cliëntsysteem'} · {formatDateTime(i.createdAt)}
                    {i.correctedAt ? ` · rechtgezet op ${formatDateTime(i.correctedAt)}` : ''}
                  </p>
                  <p className="whitespace-pre-line">{i.content}</p>
                  {i.ownOrganisation && canContribute && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-brand-700 underline">Rechtzetten of intrekken</summary>
                      <div className="mt-2 grid gap-4 md:grid-cols-2">
                        <SpecForm
                          action={actions.correct(i.id)}
                          submitLabel="Rechtzetting bewaren"
                          label="Informatie rechtzetten"
                          initial={{
                            category: String(i.category),
                            concernsMemberId: i.concernsMemberId ?? '',
                            content: i.content,
                          }}
                          fields={[
                            {
                              kind: 'select',
                              name: 'category',
                              label: 'Categorie van gegevens (art. 15, § 1)',
                              required: true,
                              options: categoryOptions(),
                            },
                            {
                              kind: 'select',
                              name: 'concernsMemberId',
                              label: 'Over welk lid gaat deze informatie?',
                              placeholder: 'Het cliëntsysteem in het algemeen',
                              options: memberOptions,
                            },
                            { kind: 'textarea', name: 'content', label: 'Informatie', required: true, rows: 3 },
                            { kind: 'text', name: 'reason', label: 'Reden van de rechtzetting', required: true },
                          ]}
                        />
                        <SpecForm
                          action={actions.withdraw(i.id)}
                          submitLabel="Informatie intrekken"
                          variant="secondary"
                          label="Informatie intrekken"
                          fields={[
                            {
                              kind: 'note',
                              text: 'Je organisatie trekt deze informatie in: de inhoud wordt gewist. Dat ze bestond en wie ze introk, blijft in het toegangslog.',
                            },
                            { kind: 'text', name: 'reason', label: 'Reden van de intrekking', required: true },
                          ]}
                        />
                      </div>
                    </details>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canContribute && (
        <div className="mt-4 max-w-3xl">
          <SpecForm
            action={actions.add}
            submitLabel="Informatie inbrengen"
            label="Informatie inbrengen"
            fields={[
              {
                kind: 'note',
                text: 'Breng enkel informatie in die relevant en proportioneel is. Je bent niet verplicht te spreken. Wat je inbrengt, wordt aan je organisatie toegeschreven.',
              },
              {
                kind: 'select',
                name: 'category',
                label: 'Categorie van gegevens (art. 15, § 1)',
                required: true,
                options: categoryOptions(),
              },
              {
                kind: 'select',
                name: 'concernsMemberId',
                label: 'Over welk lid gaat deze informatie?',
                hint: 'Kies een lid als de informatie enkel dat lid betreft; dat bepaalt aan wie ze later eventueel gegeven mag worden.',
                placeholder: 'Het cliëntsysteem in het algemeen',
                options: memberOptions,
              },
              { kind: 'textarea', name: 'content', label: 'Informatie', required: true, rows: 3 },
            ]}
          />
        </div>
      )}
    </Section>
  );
}
