/**
 * Dates in PDFs: nl-BE, Europe/Brussels, whatever the server's time zone — the formatters of
 * lib/time.ts ('—' for no date, 'onbekend' for an invalid one). These names only serve
 * lib/pdf/conference-pdf.ts and lib/pdf/conference-sections.ts until they call lib/time.ts
 * directly (issue 10 §5).
 */
import { formatDate, formatDateTime, formatDateTimeLong, isValidInstant, type DateFormatter } from '@/lib/time';

export const dateFmt: DateFormatter = formatDate;
export const dateTimeFmt: DateFormatter = formatDateTime;
export const longDateTimeFmt: DateFormatter = formatDateTimeLong;

export const isValidDate = isValidInstant;
/** '—' for no date, 'onbekend' for an invalid one. */
export const fmt = (f: DateFormatter, d: Date | null) => f(d);
