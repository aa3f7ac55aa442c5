import type { ReactNode } from 'react';

/**
 * Term / value pairs in two columns (`dl` with `dt`/`dd`). The values keep their line breaks and
 * long tokens (references, e-mail addresses) wrap instead of widening the page.
 */
export function DescriptionList({
  children,
  spacing = 'tight',
  className,
  'aria-label': ariaLabel,
}: {
  children: ReactNode;
  /** Space between the rows. */
  spacing?: 'tight' | 'loose';
  /** Margins and text size. */
  className?: string;
  'aria-label'?: string;
}) {
  const classes = ['grid grid-cols-[max-content_1fr] gap-x-6', spacing === 'tight' ? 'gap-y-1' : 'gap-y-2', className];
  return (
    <dl className={classes.filter(Boolean).join(' ')} aria-label={ariaLabel}>
      {children}
    </dl>
  );
}

/** One pair; an absent value (`undefined` or `null`) reads '—'. */
export function DescriptionItem({
  term,
  children,
  preserveLines = true,
}: {
  term: ReactNode;
  children?: ReactNode;
  /** Show the value's line breaks (default). */
  preserveLines?: boolean;
}) {
  return (
    <>
      <dt className="font-medium">{term}</dt>
      <dd className={`min-w-0 [overflow-wrap:anywhere]${preserveLines ? ' whitespace-pre-line' : ''}`}>
        {children ?? '—'}
      </dd>
    </>
  );
}
