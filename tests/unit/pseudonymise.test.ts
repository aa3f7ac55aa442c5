import { describe, expect, it } from 'vitest';
import { pseudonymiseText } from '@/lib/dossiers/pseudonymise';

const people = [
  { pseudonym: 'Lid 1', names: ['Els', 'Peeters'] },
  { pseudonym: 'Lid 2', names: ['Dirk', 'Peeters'] },
  { pseudonym: 'Contact 1', names: ['José', 'Van den Broeck'] },
  { pseudonym: 'het cliëntsysteem', names: ['Gezin Peeters'] },
];

describe('memorandum art. 12: an expert reads free text without names', () => {
  it('replaces full names, first names and last names, whatever the case', () => {
    expect(pseudonymiseText('Els Peeters belde; DIRK was dronken. Gezin Peeters is gekend.', people)).toBe(
      'Lid 1 belde; Lid 2 was dronken. het cliëntsysteem is gekend.',
    );
  });
  it('matches whole words only and ignores accents', () => {
    expect(pseudonymiseText('Jose van den broeck kwam; Elsene en Dirkje niet.', people)).toBe(
      'Contact 1 kwam; Elsene en Dirkje niet.',
    );
  });
  it('leaves text without names unchanged', () => {
    expect(pseudonymiseText('Twee interventies in oktober.', people)).toBe('Twee interventies in oktober.');
  });
});
