import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';

/**
 * The one table of the UI kit (issue 14 §6): every list page renders through it, so its
 * accessibility is checked once here — a named scrolling region, column headers, row headers where
 * a column names the row, `aria-sort` on the sorted column, and the empty row.
 */
type Row = { id: string; name: string; n: number };
const columns: DataTableColumn<Row>[] = [
  { header: 'Naam', rowHeader: true, cell: (r) => r.name },
  { header: 'Aantal', sort: 'descending', className: 'text-right', cell: (r) => r.n },
];
const render = (rows: Row[], empty?: string) =>
  renderToStaticMarkup(
    createElement(DataTable<Row>, { caption: 'Teams en aantallen', columns, rows, rowKey: (r) => r.id, empty }),
  );

describe('DataTable', () => {
  it('names its scrolling region after the caption, and marks the sorted column', () => {
    const html = render([{ id: '1', name: 'Team A', n: 3 }]);
    const captionId = /<caption id="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`role="region" aria-labelledby="${captionId}" tabindex="0"`);
    expect(html).toContain('<th scope="col" class="p-2">Naam</th>');
    expect(html).toContain('<th scope="col" class="p-2" aria-sort="descending">Aantal</th>');
  });

  it('renders the cells of a rowHeader column as row headers, the others as cells', () => {
    const html = render([
      { id: '1', name: 'Team A', n: 3 },
      { id: '2', name: 'Team B', n: 0 },
    ]);
    expect(html.match(/<th scope="row" class="[^"]*">Team [AB]<\/th>/g)).toHaveLength(2);
    expect(html.match(/<td class="[^"]*text-right[^"]*">[03]<\/td>/g)).toHaveLength(2);
  });

  it('shows the empty row across all columns when there are no rows', () => {
    // (React writes the attribute as colSpan; HTML attribute names are case-insensitive)
    expect(render([], 'Geen teams.')).toMatch(/<td colspan="2" class="p-2">Geen teams\.<\/td>/i);
    expect(render([])).not.toContain('<td');
  });
});
