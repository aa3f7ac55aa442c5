import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { formatDate } from '@/lib/labels';
import type { FormAction, View } from './types';

/** The action plan: case director, goals and their actions. */
export function PlanSection({
  goals,
  caseDirector,
  active,
  canRecord,
  actions,
}: {
  goals: View['goals'];
  /** Name of the current case director, if any. */
  caseDirector: string | undefined;
  /** Participants who take part now: the organisations an action can be assigned to. */
  active: View['participants'];
  canRecord: boolean;
  actions: { goal: FormAction; planAction: FormAction; toggle: (actionId: string, done: boolean) => FormAction };
}) {
  return (
    <Section id="plan" title="Plan van aanpak">
      <p>Casusregisseur: {caseDirector ?? 'nog niet aangeduid'}</p>
      {goals.map((g) => (
        <article key={g.id} className="mt-3 rounded bg-white p-3" aria-label={`Doel: ${g.title}`}>
          <h3 className="font-semibold">Doel: {g.title}</h3>
          <ul className="mt-1 space-y-1">
            {g.actions.map((act) => (
              <li key={act.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {act.done ? '✓ ' : ''}
                  {act.description} — {act.owner}
                  {act.dueDate ? `, tegen ${formatDate(act.dueDate)}` : ''}
                </span>
                {canRecord && (
                  <SpecForm
                    action={actions.toggle(act.id, !act.done)}
                    submitLabel={act.done ? 'Heropenen' : 'Afgerond'}
                    variant="secondary"
                    className=""
                    label={`Actie ${act.description}`}
                    fields={[]}
                  />
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
      {canRecord && (
        <div className="mt-4 grid max-w-4xl gap-4 md:grid-cols-2">
          <SpecForm
            action={actions.goal}
            submitLabel="Doel toevoegen"
            label="Doel toevoegen"
            fields={[{ kind: 'text', name: 'title', label: 'Nieuw doel', required: true }]}
          />
          {goals.length > 0 && (
            <SpecForm
              action={actions.planAction}
              submitLabel="Actie toevoegen"
              label="Actie toevoegen"
              fields={[
                {
                  kind: 'select',
                  name: 'goalId',
                  label: 'Bij doel',
                  required: true,
                  options: goals.map((g) => ({ value: g.id, label: g.title })),
                },
                { kind: 'text', name: 'description', label: 'Actie', required: true },
                {
                  kind: 'select',
                  name: 'ownerOrganisationId',
                  label: 'Verantwoordelijke organisatie',
                  required: true,
                  options: [...new Map(active.map((p) => [p.organisationId, p.organisation])).entries()].map(
                    ([value, label]) => ({ value, label }),
                  ),
                },
                { kind: 'date', name: 'dueDate', label: 'Tegen (optioneel)' },
              ]}
            />
          )}
        </div>
      )}
    </Section>
  );
}
