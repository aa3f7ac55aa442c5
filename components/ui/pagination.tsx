import Link from 'next/link';

/** Previous / next links for a paged list; nothing when everything fits on one page. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Paginering" className="mt-4 flex gap-4">
      {page > 1 && <Link href={href(page - 1)}>Vorige pagina</Link>}
      <span>
        Pagina {page} van {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>Volgende pagina</Link>}
    </nav>
  );
}
