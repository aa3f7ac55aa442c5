import { invalid } from '@/lib/errors';

/**
 * A yes/no field as the forms send it ('ja' or 'nee'), parsed to a boolean at the edge; anything
 * else is a validation error at that field, never silently "no".
 */
export function yesNo(value: string, field: string): boolean {
  if (value === 'ja') return true;
  if (value === 'nee') return false;
  throw invalid('Kies ja of nee.', { [field]: 'Kies ja of nee.' });
}
