import 'server-only';
import { env } from '@/lib/env';
import { parseFieldKeys, type FieldKeys } from './fields';

let cached: FieldKeys | undefined;
export function fieldKeys(): FieldKeys {
  const e = env();
  cached ??= parseFieldKeys(e.FIELD_ENCRYPTION_KEYS, e.FIELD_ENCRYPTION_KEY_ID, e.LOOKUP_HMAC_KEY);
  return cached;
}
