import { useId, type Key, type ReactNode } from 'react';

export interface DataTableColumn<T> {
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Extra classes for this column's cells, e.g. 'whitespace-nowrap' for dates. */
  className?: string;
  /** Free text with possibly long tokens (URLs, ids): may break anywhere, so the table never gets wider than the page. */
  breakAnywhere?: boolean;
  /** This column names the row: its cells are row headers (`<th scope="row">`), read before every other cell of the row. */
  rowHeader?: boolean;
  /** The table is sorted on this column (`aria-sort` on its header). */
  sort?: 'ascending' | 'descending';
}

/**
 * An accessible table: a caption (for screen readers only unless `captionVisible`), column
 * headers with `scope="col"` (and `aria-sort` on the sorted one), row headers for a column
 * marked `rowHeader`, and a row saying `empty` when there are no rows. Cells wrap long
 * words; columns marked `breakAnywhere` also break long tokens, so the table fits at 1366 px.
 */
export function DataTable<T>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  empty,
  className,
  rowClassName,
  scroll = false,
}: {
  caption: ReactNode;
  captionVisible?: boolean;
  columns: DataTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  /** Text of the single row shown when `rows` is empty; without it the table body stays empty. */
  empty?: ReactNode;
  /** Margins and text size of the table. */
  className?: string;
  /** Extra classes for every body row, e.g. 'align-top'; or per row, e.g. to mark an overdue one. */
  rowClassName?: string | ((row: T, index: number) => string | undefined);
  /** Wrap in a horizontally scrollable box (wide tables with many columns). */
  scroll?: boolean;
}) {
  const captionId = useId();
  const table = (
    <table className={['w-full border-collapse bg-white text-left', className].filter(Boolean).join(' ')}>
      <caption id={captionId} className={captionVisible ? 'mb-2 text-left font-semibold' : 'sr-only'}>
        {caption}
      </caption>
      <thead>
        <tr className="border-b border-gray-400">
          {columns.map((c, i) => (
            <th key={i} scope="col" className="p-2" aria-sort={c.sort}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty !== undefined && (
          <tr>
            <td colSpan={columns.length} className="p-2">
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row, r) => (
          <tr
            key={rowKey(row, r)}
            className={[
              'border-b border-gray-200',
              typeof rowClassName === 'function' ? rowClassName(row, r) : rowClassName,
            ]
              .filter(Boolean)
              .join(' ')}
          >
            {columns.map((c, i) => {
              const className = [
                'p-2 break-words',
                c.rowHeader && 'font-normal',
                c.breakAnywhere && '[overflow-wrap:anywhere]',
                c.className,
              ]
                .filter(Boolean)
                .join(' ');
              return c.rowHeader ? (
                <th key={i} scope="row" className={className}>
                  {c.cell(row, r)}
                </th>
              ) : (
                <td key={i} className={className}>
                  {c.cell(row, r)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // Always in a box that scrolls sideways when the table is wider than a phone (issue 14 §6):
  // focusable and named after the caption, so keyboard users can scroll it too (axe:
  // scrollable-region-focusable). `scroll` is kept for callers; the box is always there now.
  void scroll;
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="relative max-w-full overflow-x-auto">
      {table}
    </div>
  );
}
