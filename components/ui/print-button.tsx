'use client';

/** Prints the page (the browser's dialog also saves it as PDF). Hidden on paper. */
export function PrintButton({ label = 'Afdrukken' }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-brand-700 px-3 py-1.5 text-brand-700 hover:bg-brand-50 print:hidden"
    >
      {label}
    </button>
  );
}
