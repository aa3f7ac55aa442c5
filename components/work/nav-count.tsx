/**
 * How many things wait behind a menu item: a badge that a screen reader reads as "3 wachtend"
 * (the link's name becomes e.g. "Te toetsen 3 wachtend"). Nothing when nothing waits.
 */
export function NavCount({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="ml-1.5 inline-block min-w-6 rounded-full bg-white px-1.5 text-center text-sm font-semibold text-brand-900">
      <span aria-hidden="true">{count}</span>
      <span className="sr-only"> {count} wachtend</span>
    </span>
  );
}
