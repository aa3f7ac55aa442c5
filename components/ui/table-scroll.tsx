import type { ReactNode } from 'react';

/**
 * Issue 14 §6: a table wider than a phone scrolls sideways inside this box instead of pushing
 * the page; the box is focusable and named, so keyboard users can scroll it (axe:
 * scrollable-region-focusable). `relative` makes it the containing block of what is positioned
 * inside (the visually hidden header texts of .sr-only): otherwise those escape the scrolling and
 * widen the page.
 *
 * The name says what the table holds: `labelledBy` the id of the table's caption, or a `label`.
 * (Tables with plain column headers are simpler as a DataTable, which does this itself.)
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: { children: ReactNode } & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never })) {
  return (
    <div
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      tabIndex={0}
      className="relative max-w-full overflow-x-auto"
    >
      {children}
    </div>
  );
}
