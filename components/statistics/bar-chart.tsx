import { displayCount, isSuppressed, spokenCount, type Masked } from '@/lib/reporting/suppression';

/**
 * A plain HTML/CSS bar chart. It is one image for assistive technology (role="img" with a
 * label that points to the table with the same numbers, which is the accessible source).
 * A suppressed count ("< 5" or "x") gets no bar: its size is not shown.
 */
export function BarChart({ label, items }: { label: string; items: { key: string; label: string; value: Masked }[] }) {
  const max = Math.max(1, ...items.map((i) => (isSuppressed(i.value) ? 0 : i.value)));
  return (
    <div role="img" aria-label={label} className="mt-3 max-w-3xl space-y-1 rounded bg-white p-3 shadow-sm">
      {items.map((i) => (
        <div key={i.key} className="grid grid-cols-[minmax(8rem,18rem)_1fr_3.5rem] items-center gap-3 text-sm">
          <span>{i.label}</span>
          <span className="block h-4 rounded-sm bg-gray-100">
            {!isSuppressed(i.value) && i.value > 0 && (
              <span
                className="block h-4 rounded-sm bg-brand-700"
                style={{ width: `${Math.max(1, (i.value / max) * 100)}%` }}
              />
            )}
          </span>
          <span className="text-right tabular-nums">{displayCount(i.value)}</span>
        </div>
      ))}
    </div>
  );
}

/** A count in a table cell; a suppressed one reads "minder dan 5" or "afgeschermd" to screen readers. */
export function Count({ value }: { value: Masked }) {
  if (!isSuppressed(value)) return <>{displayCount(value)}</>;
  return (
    <>
      <span aria-hidden="true">{displayCount(value)}</span>
      <span className="sr-only">{spokenCount(value)}</span>
    </>
  );
}
