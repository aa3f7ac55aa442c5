import type { ReactNode } from 'react';
import { Callout } from './callout';

/** The confirmation after a successful action (announced to screen readers). Nothing when empty. */
export function Notice({ children, ...rest }: { children?: ReactNode; 'data-print'?: string }) {
  if (!children) return null;
  return (
    <Callout tone="success" role="status" className="mt-4" {...rest}>
      {children}
    </Callout>
  );
}
