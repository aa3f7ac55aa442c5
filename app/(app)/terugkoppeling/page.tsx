import { Callout } from '@/components/ui/callout';
import { Notice } from '@/components/ui/notice';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { listMyFeedback } from '@/lib/distribution/feedback';
import { noticeText } from '@/lib/forms/notices';
import { formatDate } from '@/lib/time';
import { acknowledgeFeedbackAction } from './actions';

export const metadata = { title: 'Terugkoppeling' };

const SECRECY =
  'Een vaste afgevaardigde van je organisatie gaf je terugkoppeling uit een casusoverleg (art. 12, vierde lid, van het decreet). ' +
  'Daardoor ben je gebonden door de geheimhoudingsplicht van art. 458ter §2 Sw.: je gebruikt wat je leest enkel voor de hulp ' +
  'aan dit cliëntsysteem en geeft het niet door. Schending is strafbaar (art. 458 Sw.).';

export default async function FeedbackPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const rows = await loadPage(listMyFeedback);
  const notice = noticeText('feedback', melding);
  return (
    <>
      <h1 className="text-2xl font-semibold">Terugkoppeling uit een casusoverleg</h1>
      <Notice>{notice}</Notice>
      {rows.length === 0 ? (
        <p className="mt-4">Er is geen terugkoppeling aan jou gericht.</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {rows.map((f) => (
            <li key={f.id} id={`terugkoppeling-${f.id}`} className="max-w-3xl rounded bg-white p-4">
              <h2 className="font-medium">
                {f.safeHouse}: terugkoppeling van {f.delegate} op {formatDate(f.givenAt)}
              </h2>
              {f.note === null ? (
                <div className="mt-2">
                  <Callout tone="warning">{SECRECY}</Callout>
                  <div className="mt-3">
                    <SpecForm
                      action={acknowledgeFeedbackAction.bind(null, f.id)}
                      label="Geheimhoudingsplicht bevestigen"
                      submitLabel="Bevestigen en de terugkoppeling lezen"
                      fields={[
                        {
                          kind: 'checkboxes',
                          name: 'bevestig',
                          label: 'Bevestiging',
                          required: true,
                          options: [
                            {
                              value: 'ja',
                              label: 'Ik ken de geheimhoudingsplicht van art. 458ter §2 Sw. en leef ze na.',
                            },
                          ],
                        },
                      ]}
                    />
                  </div>
                </div>
              ) : (
                <>
                  <p className="mt-1 text-sm text-gray-700">
                    Geheimhoudingsplicht bevestigd op {formatDate(f.acknowledgedAt)}.
                  </p>
                  <p className="mt-2 whitespace-pre-line">{f.note || 'Geen opmerking genoteerd.'}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
