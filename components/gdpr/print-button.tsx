'use client';

/** Opens the browser's print dialog (the page has a print layout). */
export function PrintButton({ label = 'Afdrukken' }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
    >
      {label}
    </button>
  );
}
