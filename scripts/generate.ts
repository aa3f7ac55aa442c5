import { execFileSync } from 'node:child_process';

// `prisma generate` needs no database and no schema engine; pointing the engine at /bin/false
// keeps the CLI from trying to download one (our machines have no internet).
execFileSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
