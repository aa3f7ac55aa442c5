import type { FieldSpec } from '@/components/ui/spec-form';
import { DATA_CATEGORY_LABEL } from '@/lib/labels';

/** The art. 15 § 1 categories, numbered, as options. */
export const categoryOptions = () =>
  Object.entries(DATA_CATEGORY_LABEL).map(([value, label]) => ({ value, label: `${value}. ${label}` }));

/**
 * The fields of one piece of information brought in (art. 15, § 1): its category, the member it
 * concerns (if one) and the text. Used to bring it in and to correct it.
 */
export function informationItemFields(memberOptions: { value: string; label: string }[], memberHint?: string) {
  const fields: FieldSpec[] = [
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
      hint: memberHint,
      placeholder: 'Het cliëntsysteem in het algemeen',
      options: memberOptions,
    },
    { kind: 'textarea', name: 'content', label: 'Informatie', required: true, rows: 3 },
  ];
  return fields;
}
