import type { ReactNode } from 'react';

/**
 * Issue 14 §6: a table wider than a phone scrolls sideways inside this box instead of pushing
 * the page; the box is focusable and named, so keyboard users can scroll it (axe:
 * scrollable-region-focusable). `relative` makes it the containing block of what is positioned
 * inside (the visually hidden header texts of .sr-only): otherwise those escape the scrolling and
 * widen the page.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative max-w-full overflow-x-auto">
      {children}
    </div>
  );
}
