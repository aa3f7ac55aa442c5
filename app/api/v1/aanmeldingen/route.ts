import { apiCall, json, problem, readJson } from '@/lib/partner-api/handler';
import { referralValuesFromJson } from '@/lib/partner-api/referral-input';
import { listReferralStatuses } from '@/lib/referrals/referral-status';
import { saveReferral } from '@/lib/referrals/save-referral';

/**
 * Partner API (issue 14 §2; ADR 0045): submit a referral with the form's schema and use case, and
 * list the status and outcome of the organisation's own referrals.
 */
export const dynamic = 'force-dynamic';

export function POST(req: Request) {
  return apiCall(req, { scope: 'referrals:write', route: 'POST /api/v1/aanmeldingen' }, async (userId) => {
    const read = await readJson(req);
    if (!read.ok) return read.response;
    const input = referralValuesFromJson(read.body);
    if (!input.ok)
      return problem(422, 'validation', 'De aanmelding is nog niet in orde. Controleer de gemarkeerde velden.', {
        errors: input.errors,
      });
    const saved = await saveReferral(userId, input.values, { mode: 'submit' });
    return json({ id: saved.dossierId, reference: saved.reference, status: 'SUBMITTED' }, 201, {
      Location: `/api/v1/aanmeldingen/${saved.dossierId}`,
    });
  });
}

export function GET(req: Request) {
  return apiCall(req, { scope: 'referrals:read', route: 'GET /api/v1/aanmeldingen' }, async (userId) =>
    json({ items: await listReferralStatuses(userId) }),
  );
}
