import { describe, expect, it } from 'vitest';
import { dpoContact, privacyNotice } from '@/lib/privacy/notice';
import { parseRetentionTerms } from '@/lib/retention/terms';

const text = (sections: ReturnType<typeof privacyNotice>) =>
  sections.map((s) => [s.heading, ...s.paragraphs, ...(s.items ?? [])].join('\n')).join('\n');

describe('art. 16: the privacy notice for the client system', () => {
  const terms = parseRetentionTerms({
    RETENTION_YEARS_NOT_ADMISSIBLE: '2',
    RETENTION_YEARS_REFERRED_TO_REGULAR_CARE: '4',
  });
  const notice = privacyNotice(terms, { DPO_CONTACT: 'dpo@veiligehuis.example, 03 000 00 00' });
  const all = text(notice);

  it('says who processes, why, what, who may pass it on, how long, the rights and whom to ask', () => {
    expect(notice.map((s) => s.heading)).toEqual([
      'Wie werkt met je gegevens?',
      'Waarom?',
      'Welke gegevens?',
      'Wie mag wat doorgeven?',
      'Hoe lang?',
      'Je rechten',
      'Contact',
    ]);
    expect(all).toContain('artikel 458ter, §2 van het Strafwetboek');
    expect(all).toContain('alle deelnemers akkoord gaan');
    expect(all).toContain('Vlaamse Toezichtcommissie');
    expect(all).toContain('artikel 15 tot 21');
  });

  it('art. 15 §3: names the terms this installation applies, and the 15 / 30 years after a trajectory', () => {
    const howLong = notice.find((s) => s.id === 'hoelang')!.items!.join('\n');
    expect(howLong).toContain('er niet voor in aanmerking komt: 2 jaar');
    expect(howLong).toContain('gewone hulpverlening: 4 jaar');
    expect(howLong).toContain('hulp die al loopt: 5 jaar');
    expect(howLong).toContain('hoogstens 15 jaar na de afsluiting');
    expect(howLong).toContain('hoogstens 30 jaar');
  });

  it('names the configured DPO contact, or where to ask for it; never a control character', () => {
    expect(all).toContain('Functionaris voor gegevensbescherming: dpo@veiligehuis.example, 03 000 00 00');
    expect(dpoContact({})).toMatch(/^de functionaris voor gegevensbescherming van het Veilig Huis/);
    expect(dpoContact({ DPO_CONTACT: '  dpo@x.example\n<script>  ' })).toBe('dpo@x.example <script>');
  });
});
