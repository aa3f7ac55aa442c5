'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { NavCount } from '@/components/work/nav-count';
import { MAIN_NAV_BUTTON_ID, MAIN_NAV_LIST_ID } from '@/components/main-nav-ids';

export interface MainNavItem {
  href: string;
  label: string;
  /** What waits behind the item (NavCount); 0 shows nothing. */
  count: number;
}

const noSubscription = () => () => {};

/** The menu item of the page shown: the longest href that is the path or a folder above it. */
function currentHref(items: readonly MainNavItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { href } of items) {
    const hit = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
    if (hit && (!best || href.length > best.length)) best = href;
  }
  return best;
}

/**
 * The main menu (issue 14 §6). From the md breakpoint on the list is always shown. Below it a
 * "Menu" button (a disclosure: aria-expanded, aria-controls) shows the list as a panel under
 * it; Escape closes it and puts the focus back on the button, and so does following a link,
 * a click outside the menu or the focus leaving it. Without JavaScript the layout's <noscript>
 * style shows the list and hides the button. Until hydrated the button is disabled, so a click
 * that could do nothing yet is not lost silently.
 */
export function MainNav({ items }: { items: readonly MainNavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // false in the server's HTML and while hydrating, true once the client has taken over
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // another page (a link, back/forward): the menu closes
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  // a click outside the open menu closes it
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (navRef.current && !navRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  };

  // the focus leaves the menu (Tab past the last link): the panel must not cover what gets it
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (open && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };

  // a link followed, also to the page already shown
  const onListClick = (e: MouseEvent<HTMLUListElement>) => {
    if ((e.target as Element).closest('a')) setOpen(false);
  };

  const current = currentHref(items, pathname);
  return (
    <nav aria-label="Hoofdmenu" ref={navRef} className="relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        id={MAIN_NAV_BUTTON_ID}
        type="button"
        aria-expanded={open}
        aria-controls={MAIN_NAV_LIST_ID}
        disabled={!hydrated}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-11 items-center gap-2 rounded border border-white/70 px-3 py-1 font-medium text-white hover:bg-white/10 md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="h-5 w-5 shrink-0">
          {open ? (
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
        Menu
      </button>
      <ul
        id={MAIN_NAV_LIST_ID}
        onClick={onListClick}
        className={[
          'md:static md:mt-0 md:flex md:w-auto md:max-w-none md:flex-row md:flex-wrap md:gap-x-4 md:gap-y-1 md:border-0 md:bg-transparent md:p-0 md:shadow-none',
          open
            ? 'absolute top-full right-0 z-30 mt-2 flex w-72 max-w-[calc(100vw-2rem)] flex-col gap-y-2 rounded border border-white/40 bg-brand-900 p-3 shadow-lg'
            : 'hidden flex-wrap gap-x-4 gap-y-1',
        ].join(' ')}
      >
        {items.map((item) => (
          <li key={item.href}>
            {/* no prefetch: each prefetch renders the layout, and with it the counts (ADR 0038) */}
            <Link
              href={item.href}
              prefetch={false}
              aria-current={item.href === current ? (item.href === pathname ? 'page' : 'true') : undefined}
              className="inline-flex min-h-6 items-center underline-offset-4 hover:underline [&[aria-current]]:font-semibold [&[aria-current]]:underline"
            >
              {item.label}
              <NavCount count={item.count} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
