import type { ReactNode } from 'react';

/**
 * Issue 14 §6: a table wider than a phone scrolls sideways inside this box instead of pushing
 * the page; the box is focusable and named, so keyboard users can scroll it (axe:
 * scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="max-w-full overflow-x-auto">
      {children}
    </div>
  );
}
