import { z } from '@/lib/validation/zod';

/** One vote on a proposal decided by consensus: agree or object, nothing else. */
export const voteSchema = z.object({ vote: z.enum(['AGREE', 'OBJECT'], 'Kies akkoord of bezwaar.') });
