import 'server-only';
import { notFound } from 'next/navigation';
import { z } from '@/lib/validation/zod';

/**
 * Bound arguments of a server action come back from the browser like any form field, and can
 * be forged (issue 9 §4). Every action checks them first, with this one helper: an argument
 * named `…Id` is a UUID, anything else a short code (an enum value); flags, passed apart, are
 * booleans.
 * A forged argument answers "not found" (404), never a 500 — before any use case runs.
 */
const id = z.uuid();
const code = z.string().regex(/^[a-zA-Z-]{1,30}$/);

export function bound(args: Record<string, unknown>, flags: Record<string, unknown> = {}): void {
  for (const [name, value] of Object.entries(args)) {
    if (!(name.endsWith('Id') ? id : code).safeParse(value).success) notFound();
  }
  for (const value of Object.values(flags)) {
    if (!z.boolean().safeParse(value).success) notFound();
  }
}
