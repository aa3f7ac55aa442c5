import type { ComponentPropsWithoutRef, ReactNode } from 'react';

type SectionProps = {
  title: ReactNode;
  children: ReactNode;
  /** One line under the title. */
  description?: ReactNode;
  /** Links or buttons next to the title. */
  actions?: ReactNode;
  /** 2 for a section of the page (default), 3 for a section inside an article. */
  level?: 2 | 3;
  className?: string;
  /** Classes of the wrapper around the content; '' for none. */
  bodyClassName?: string;
} & (
  | { /** Anchor of the section; the heading gets `h-<id>`. */ id: string; headingId?: string }
  | { id?: undefined; headingId: string }
) &
  Omit<ComponentPropsWithoutRef<'section'>, 'id' | 'title' | 'className' | 'children' | 'aria-labelledby'>;

const HEADING_CLASS = { 2: 'text-xl font-semibold', 3: 'text-lg font-semibold' } as const;

/** A titled region: `<section aria-labelledby>` named by its heading, so it is a landmark with that name. */
export function Section({
  id,
  headingId,
  title,
  description,
  actions,
  level = 2,
  className = 'mt-10',
  bodyClassName = 'mt-3',
  children,
  ...rest
}: SectionProps) {
  const hid = headingId ?? `h-${id}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  const heading = (
    <Heading id={hid} className={HEADING_CLASS[level]}>
      {title}
    </Heading>
  );
  return (
    <section {...rest} id={id} aria-labelledby={hid} className={className || undefined}>
      {actions ? (
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
          {heading}
          <div className="flex flex-wrap items-center gap-4">{actions}</div>
        </div>
      ) : (
        heading
      )}
      {description && <p className="mt-1 max-w-3xl text-gray-700">{description}</p>}
      <div className={bodyClassName || undefined}>{children}</div>
    </section>
  );
}
