import { defineConfig } from 'prisma/config';

// Used by `prisma generate` (no database needed) and, where Prisma's schema engine is available,
// `prisma migrate deploy` — which is interchangeable with our runner (scripts/lib/migrate.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
