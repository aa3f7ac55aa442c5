'use client';

/** Opens the browser's print dialog (which also saves a PDF); the page has a print layout. Hidden on paper. */
export function PrintButton({ label = 'Afdrukken' }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 print:hidden"
    >
      {label}
    </button>
  );
}
