import { describe, expect, it } from 'vitest';
import { closeSessionSchema } from '@/lib/conferences/schemas';
import { validateForm } from '@/lib/validation/form';

describe('art. 13 (ADR 0033): closing a session is final, so it needs an explicit confirmation', () => {
  it('art. 13: without the confirmation the form is refused at the field, with a Dutch reason', () => {
    const parsed = validateForm(closeSessionSchema, { confirm: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.confirm).toMatch(/Bevestig dat je het overleg afsluit/);
    expect(validateForm(closeSessionSchema, { confirm: ['misschien'] }).ok).toBe(false);
  });

  it('art. 13: with the confirmation it passes', () => {
    expect(validateForm(closeSessionSchema, { confirm: ['ja'] }).ok).toBe(true);
  });
});
