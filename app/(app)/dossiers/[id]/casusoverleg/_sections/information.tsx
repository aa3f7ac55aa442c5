import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { DATA_CATEGORY_LABEL, SESSION_STATE_LABEL, formatDateTime } from '@/lib/labels';
import { informationItemFields } from './item-fields';
import type { FormAction, View } from './types';

/**
 * Information brought in by the organisations (art. 15, § 1), session by session (art. 13; ADR
 * 0033): correcting and withdrawing one's own at any time, adding new only while a session is open.
 */
export function InformationSection({
  items,
  members,
  agenda,
  openAgendaItemId,
  canContribute,
  actions,
}: {
  items: View['items'];
  members: View['members'];
  agenda: View['agenda'];
  openAgendaItemId: string | null;
  canContribute: boolean;
  actions: { add: FormAction; correct: (itemId: string) => FormAction; withdraw: (itemId: string) => FormAction };
}) {
  const memberOptions = members.map((m) => ({ value: m.id, label: m.label }));
  const known = new Set(agenda.map((a) => a.id));
  const groups = [
    ...agenda.map((a) => ({
      key: a.id,
      title: `Overleg van ${formatDateTime(a.startsAt)} — ${SESSION_STATE_LABEL[a.state]}`,
      items: items.filter((i) => i.agendaItemId === a.id),
    })),
    {
      key: 'zonder-overleg',
      title: 'Eerder ingebracht, aan geen overleg gekoppeld',
      items: items.filter((i) => !i.agendaItemId || !known.has(i.agendaItemId)),
    },
  ].filter((g) => g.items.length > 0 || g.key === openAgendaItemId);
  return (
    <Section id="informatie" title="Ingebrachte informatie">
      {items.length === 0 && <p>Nog geen informatie ingebracht.</p>}
      {groups.map((g) => (
        <div key={g.key} className="mb-4">
          <h3 className="mb-2 font-semibold">{g.title}</h3>
          {g.items.length === 0 ? (
            <p>Nog geen informatie ingebracht op dit overleg.</p>
          ) : (
            <ItemList items={g.items} memberOptions={memberOptions} canContribute={canContribute} actions={actions} />
          )}
        </div>
      ))}
      {canContribute && !openAgendaItemId && (
        <p className="mt-4 max-w-3xl rounded border border-gray-300 bg-white p-3">
          Informatie inbrengen kan enkel tijdens een geopend casusoverleg met deze casus op de agenda (art. 13). Bereid
          je intussen voor met een eigen nota.
        </p>
      )}
      {canContribute && openAgendaItemId && (
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
              ...informationItemFields(
                memberOptions,
                'Kies een lid als de informatie enkel dat lid betreft; dat bepaalt aan wie ze later eventueel gegeven mag worden.',
              ),
            ]}
          />
        </div>
      )}
    </Section>
  );
}

/** The items of one session, each with the correction and withdrawal forms of its own organisation (art. 15 §2). */
function ItemList({
  items,
  memberOptions,
  canContribute,
  actions,
}: {
  items: View['items'];
  memberOptions: { value: string; label: string }[];
  canContribute: boolean;
  actions: { correct: (itemId: string) => FormAction; withdraw: (itemId: string) => FormAction };
}) {
  return (
    <ul className="space-y-2">
      {items.map((i) => (
        <li key={i.id} className="rounded bg-white p-3">
          {i.withdrawnAt ? (
            <p className="text-sm text-gray-700">
              Informatie van {i.organisation}, ingetrokken door de organisatie op {formatDateTime(i.withdrawnAt)} (art.
              15, § 2).
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
                        ...informationItemFields(memberOptions),
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
  );
}
