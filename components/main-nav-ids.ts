/**
 * The ids of the main menu's list and its "Menu" button: shared by the menu (a client
 * component: aria-controls) and the layout's no-JavaScript style. Not in main-nav.tsx, as a
 * server component importing from a 'use client' module gets references, not the strings.
 */
export const MAIN_NAV_LIST_ID = 'hoofdmenu-lijst';
export const MAIN_NAV_BUTTON_ID = 'hoofdmenu-knop';
