import { apiCall, json } from '@/lib/partner-api/handler';
import { listSafeHouses } from '@/lib/referrals/list-my-referrals';

/** Partner API (ADR 0045): the safe houses one can refer to, as the referral form offers them. */
export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return apiCall(req, { scope: 'referrals:write', route: 'GET /api/v1/veilige-huizen' }, async (userId) =>
    json({ items: await listSafeHouses(userId) }),
  );
}
