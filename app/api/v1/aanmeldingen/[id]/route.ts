import { apiCall, json } from '@/lib/partner-api/handler';
import { getReferralStatus } from '@/lib/referrals/referral-status';

/** Partner API (ADR 0045): status and outcome of one of the organisation's own referrals. */
export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return apiCall(req, { scope: 'referrals:read', route: 'GET /api/v1/aanmeldingen/{id}' }, async (userId) =>
    json(await getReferralStatus(userId, id)),
  );
}
