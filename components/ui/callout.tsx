import type { ComponentPropsWithoutRef, ReactNode } from 'react';

export type CalloutTone = 'success' | 'info' | 'warning' | 'error';

const TONE_CLASS: Record<CalloutTone, string> = {
  success: 'border-green-800 bg-green-50 text-green-900',
  info: 'border-gray-500 bg-gray-50',
  warning: 'border-amber-700 bg-amber-50 text-amber-900',
  error: 'border-red-700 bg-red-50 text-red-900',
};

type CalloutProps = {
  tone: CalloutTone;
  children: ReactNode;
  /** A `<p>` for a single paragraph (default), a `<div>` for several paragraphs or a button. */
  as?: 'p' | 'div';
  /** Margins, text size, spacing between paragraphs. */
  className?: string;
} & Omit<ComponentPropsWithoutRef<'div'>, 'className' | 'children'>;

/**
 * A notice box: a confirmation (success), a remark (info), a confidentiality reminder
 * (warning) or a blocking problem (error). Give it `role="status"` when it appears as the result
 * of something the user did, so screen readers announce it.
 */
export function Callout({ tone, children, as: Tag = 'p', className, ...rest }: CalloutProps) {
  return (
    <Tag {...rest} className={['rounded border p-3', TONE_CLASS[tone], className].filter(Boolean).join(' ')}>
      {children}
    </Tag>
  );
}
