import { openApiDocument } from '@/lib/partner-api/openapi';

/** The partner API's OpenAPI 3.1 document (issue 14 §2; ADR 0045): no key needed, no data in it. */
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
