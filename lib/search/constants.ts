import type { SearchValues } from './schemas';

/** At most this many dossiers per search; `capped` says there were more (ADR 0041). */
export const SEARCH_RESULT_CAP = 50;

export const emptySearch = (): SearchValues => ({ reference: '', name: '', dateOfBirth: '', nationalNumber: '' });
