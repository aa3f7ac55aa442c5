import { PrintButton } from '@/components/ui/print-button';
import { requireUserId } from '@/lib/auth/session';
import { privacyNotice } from '@/lib/privacy/notice';
import { retentionTerms } from '@/lib/retention/terms';

export const metadata = { title: 'Privacyverklaring voor cliënten' };

/**
 * The privacy notice a case worker prints (or saves as PDF) for a member of the client system
 * (art. 16; issue 12 §4). No case data: the same text for everyone, with this installation's terms.
 */
export default async function PrivacyNoticePage() {
  await requireUserId();
  const sections = privacyNotice(retentionTerms(), process.env);
  return (
    <article className="max-w-3xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold">Privacyverklaring voor cliënten</h1>
        <PrintButton />
      </div>
      <p className="mt-2 print:hidden">
        Voor wie bij een Veilig Huis aangemeld wordt. Druk deze uitleg af of bewaar ze als PDF om ze te geven aan wie
        erom vraagt of wie je informeert over de aanmelding.
      </p>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`privacy-${s.id}`} className="mt-6">
          <h2 id={`privacy-${s.id}`} className="text-xl font-semibold">
            {s.heading}
          </h2>
          {s.paragraphs.map((p) => (
            <p key={p} className="mt-2">
              {p}
            </p>
          ))}
          {s.items && (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {s.items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
