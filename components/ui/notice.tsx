import type { ReactNode } from 'react';

/** The confirmation after a successful action (announced to screen readers). Nothing when empty. */
export function Notice({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <p role="status" className="mt-4 rounded border border-green-800 bg-green-50 p-3 text-green-900">
      {children}
    </p>
  );
}
