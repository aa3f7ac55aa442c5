'use server';

import { runSearchAction } from '@/lib/forms/search-action';
import { searchDossiers } from '@/lib/search/search-dossiers';
import type { SearchState } from '@/lib/search/schemas';

/** The dossier search: answers in the form's state, never in a URL (lib/forms/search-action.ts). */
export async function searchDossiersAction(prev: SearchState, fd: FormData): Promise<SearchState> {
  const { found, ...state } = await runSearchAction(
    prev,
    fd,
    ['reference', 'name', 'dateOfBirth', 'nationalNumber'],
    searchDossiers,
  );
  return { ...state, result: found };
}
