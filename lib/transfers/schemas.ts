import { z } from '@/lib/validation/zod';

export const transferSchema = z.object({
  toSafeHouseId: z.string().uuid('Kies het Veilig Huis dat de opvolging overneemt.'),
  reason: z.string().trim().min(10, 'Geef de reden van de overdracht (minstens 10 tekens), bv. een verhuis.').max(1000),
});
export type TransferValues = { toSafeHouseId: string; reason: string };
