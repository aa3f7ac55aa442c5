import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { formatDate, PLAN_ACTION_STATUS_LABEL } from '@/lib/labels';
import type { FormAction, View } from './types';

type PlanActionView = View['goals'][number]['actions'][number];

/**
 * The action plan: case director, goals and their actions (memorandum to art. 15; ADR 0034).
 * The coordinator and the case director add, change and close actions; the owner of an action
 * (the owner person, or a participant of the owner organisation when no person is named) marks
 * it done with a note. Overdue actions are marked in words, not only in colour.
 */
export function PlanSection({
  goals,
  caseDirector,
  active,
  canManage,
  canCompleteOwn,
  actions,
}: {
  goals: View['goals'];
  /** Name of the current case director, if any. */
  caseDirector: string | undefined;
  /** Participants who take part now: the organisations (and people) an action can be assigned to. */
  active: View['participants'];
  canManage: boolean;
  canCompleteOwn: boolean;
  actions: {
    goal: FormAction;
    planAction: FormAction;
    change: (actionId: string) => FormAction;
    close: (actionId: string) => FormAction;
    reopen: (actionId: string) => FormAction;
    completeOwn: (actionId: string) => FormAction;
  };
}) {
  const organisations = [...new Map(active.map((p) => [p.organisationId, p.organisation])).entries()].map(
    ([value, label]) => ({ value, label }),
  );
  const people = [
    { value: '', label: 'De organisatie (geen persoon)' },
    ...active.map((p) => ({ value: p.userId, label: `${p.name} (${p.organisation})` })),
  ];
  const ownerFields = (a?: PlanActionView) =>
    [
      { kind: 'text', name: 'description', label: 'Actie', required: true },
      {
        kind: 'select',
        name: 'ownerOrganisationId',
        label: 'Verantwoordelijke organisatie',
        required: true,
        options: organisations,
      },
      {
        kind: 'select',
        name: 'ownerUserId',
        label: 'Verantwoordelijke persoon (optioneel)',
        hint: 'Een deelnemer van die organisatie in deze casus.',
        options: people,
      },
      { kind: 'date', name: 'dueDate', label: a ? 'Tegen' : 'Tegen (optioneel)' },
    ] as const;
  return (
    <Section id="plan" title="Plan van aanpak">
      <p>
        Casusregisseur: {caseDirector ?? 'nog niet aangeduid'}. De casusregisseur en de coördinator bewaken het plan;
        wie een actie op zich neemt, meldt ze zelf af.
      </p>
      {goals.map((g) => (
        <article key={g.id} className="mt-3 rounded bg-white p-3" aria-label={`Doel: ${g.title}`}>
          <h3 className="font-semibold">Doel: {g.title}</h3>
          <ul className="mt-1 space-y-2">
            {g.actions.map((act) => (
              <li
                key={act.id}
                id={`actie-${act.id}`}
                className={act.overdue ? 'rounded border-l-4 border-red-700 bg-red-50 p-2' : 'p-2'}
              >
                <p>
                  <strong>{PLAN_ACTION_STATUS_LABEL[act.status]}</strong>
                  {act.overdue ? <strong className="text-red-800"> – over tijd</strong> : null}: {act.description} —{' '}
                  {act.ownerPerson ? `${act.ownerPerson}, ${act.owner}` : act.owner}
                  {act.dueDate ? `, tegen ${formatDate(act.dueDate)}` : ''}
                </p>
                {act.status !== 'OPEN' && (
                  <p className="text-sm text-gray-700">
                    {act.status === 'DONE' ? 'Afgerond' : 'Geannuleerd'} op {formatDate(act.doneAt)}
                    {act.doneBy ? ` door ${act.doneBy}` : ''}
                    {act.doneNote ? `: ${act.doneNote}` : ''}
                  </p>
                )}
                {act.status === 'OPEN' && canCompleteOwn && act.mine && !canManage && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-brand-700 underline">Mijn actie afronden</summary>
                    <SpecForm
                      action={actions.completeOwn(act.id)}
                      submitLabel="Actie afronden"
                      label={`Actie afronden: ${act.description}`}
                      fields={[{ kind: 'textarea', name: 'note', label: 'Wat is er gedaan?', required: true, rows: 3 }]}
                    />
                  </details>
                )}
                {canManage && act.status === 'OPEN' && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-brand-700 underline">Wijzigen of afsluiten</summary>
                    <div className="mt-2 grid gap-3 md:grid-cols-2">
                      <SpecForm
                        action={actions.change(act.id)}
                        submitLabel="Actie wijzigen"
                        label={`Actie wijzigen: ${act.description}`}
                        initial={{
                          description: act.description,
                          ownerOrganisationId: act.ownerOrganisationId,
                          ownerUserId: act.ownerUserId ?? '',
                          dueDate: act.dueDate ? act.dueDate.toISOString().slice(0, 10) : '',
                        }}
                        fields={[...ownerFields(act)]}
                      />
                      <SpecForm
                        action={actions.close(act.id)}
                        submitLabel="Actie afsluiten"
                        label={`Actie afsluiten: ${act.description}`}
                        fields={[
                          {
                            kind: 'radio',
                            name: 'outcome',
                            label: 'Afsluiten als',
                            required: true,
                            options: [
                              { value: 'DONE', label: 'Afgerond' },
                              { value: 'CANCELLED', label: 'Geannuleerd' },
                            ],
                          },
                          {
                            kind: 'textarea',
                            name: 'note',
                            label: 'Notitie',
                            hint: 'Verplicht bij annuleren: waarom.',
                            rows: 3,
                          },
                        ]}
                      />
                    </div>
                  </details>
                )}
                {canManage && act.status !== 'OPEN' && (
                  <SpecForm
                    action={actions.reopen(act.id)}
                    submitLabel="Heropenen"
                    variant="secondary"
                    className=""
                    label={`Actie heropenen: ${act.description}`}
                    fields={[]}
                  />
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
      {canManage && (
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
                ...ownerFields(),
              ]}
            />
          )}
        </div>
      )}
    </Section>
  );
}
