import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { noticeText } from '@/lib/forms/notices';
import { NOTIFICATION_KIND_LABEL, NOTIFICATION_MODE_LABEL, NOTIFICATION_MODES } from '@/lib/notifications/kinds';
import { getMyNotificationPreferences } from '@/lib/notifications/preferences';
import type { PreferenceValues } from '@/lib/notifications/schemas';
import { savePreferencesAction } from '../../meldingen/actions';

export const metadata = { title: 'Voorkeuren voor meldingen' };

const OPTIONS = NOTIFICATION_MODES.map((m) => ({ value: m, label: NOTIFICATION_MODE_LABEL[m] }));

/** Per kind of notification: a mail at once, in the daily digest at 07:00, or none (ADR 0039). */
export default async function NotificationPreferencesPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string }>;
}) {
  const { melding } = await searchParams;
  const prefs = await loadPage(getMyNotificationPreferences);
  const initial = Object.fromEntries(prefs.map((p) => [p.kind, p.mode])) as Record<keyof PreferenceValues, string>;
  return (
    <>
      <h1 className="text-2xl font-semibold">Voorkeuren voor meldingen</h1>
      <Notice>{noticeText('notifications', melding)}</Notice>
      <p className="mt-2 max-w-3xl">
        Kies per soort melding hoe je een e-mail krijgt. Een e-mail zegt enkel dat er iets wacht, bij welk Veilig Huis,
        met één link — nooit namen of gegevens over een casus. Alle meldingen blijven zichtbaar bij{' '}
        <Link href="/meldingen" className="text-brand-700 underline">
          Meldingen
        </Link>
        . Een uitnodiging voor een casusoverleg (met agenda-bestand) en het plan van aanpak krijg je altijd per e-mail.
      </p>
      <div className="mt-4 max-w-3xl">
        <SpecForm
          action={savePreferencesAction}
          label="Voorkeuren voor meldingen"
          submitLabel="Voorkeuren bewaren"
          initial={initial}
          fields={prefs.map((p) => ({
            kind: 'radio' as const,
            name: p.kind as keyof PreferenceValues,
            label: NOTIFICATION_KIND_LABEL[p.kind],
            required: true,
            options: OPTIONS,
            ...(p.isDefault ? { hint: 'Nog niet gekozen: de standaard voor jouw rol is aangeduid.' } : {}),
          }))}
        />
      </div>
    </>
  );
}
