// ESLint flat config (issue 10 §6): style is enforced, not hoped for.
// Formatting is Prettier's job (.prettierrc.json); this file is about correctness and about
// which folder may import what. Not type-checked on purpose, so `npm run lint` stays fast.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Import boundaries, enforced with the core `no-restricted-imports` rule. A later config block
// that matches the same file replaces the rule's options (they are not merged), so every folder
// gets one block below with the complete list of what it may not import.
// `group` matches @-aliased and package imports (gitignore-style); `regex` catches the same
// targets reached through relative paths. Dynamic import() is not covered by this rule.
// ---------------------------------------------------------------------------------------------

/** @param {string} target @param {string} message */
const relative = (target, message) => ({ regex: `^\\.{1,2}/(.*/)?${target}(/|\\.ts$|$)`, message });

const DATABASE_MESSAGE =
  'app/ and components/ reach the database only through a use case in lib/ (withActor, row-level security). ' +
  'The Prisma client, its generated types and the RLS helpers (lib/db) stay inside lib/.';
const database = [
  { group: ['@/lib/generated', '@/lib/generated/**'], message: DATABASE_MESSAGE },
  { group: ['@prisma/*', '@prisma/**'], message: DATABASE_MESSAGE },
  { group: ['@/lib/db', '@/lib/db/**'], message: DATABASE_MESSAGE },
  relative('lib/generated', DATABASE_MESSAGE),
  relative('lib/db', DATABASE_MESSAGE),
];

const OWNER_MESSAGE =
  'The owner client (BYPASSRLS) and scripts/lib are for scripts/ and tests/ only: production code ' +
  'runs as the application role, under row-level security.';
const owner = [
  { group: ['@/lib/db/owner', '@/lib/db/owner.ts', '@/lib/db/owner/**'], message: OWNER_MESSAGE },
  { group: ['@/scripts', '@/scripts/**'], message: OWNER_MESSAGE },
  relative('db/owner', OWNER_MESSAGE),
  relative('scripts', OWNER_MESSAGE),
];

const TESTS_MESSAGE = 'Production code does not import test helpers (tests/).';
const testHelpers = [{ group: ['@/tests', '@/tests/**'], message: TESTS_MESSAGE }, relative('tests', TESTS_MESSAGE)];

/** @param {string} message */
const appFolder = (message) => [{ group: ['@/app', '@/app/**'], message }, relative('app', message)];
const LIB_APP_MESSAGE =
  'lib/ does not depend on app/: move what both need into lib/, and let app/ call lib/, never the other way round.';
const COMPONENTS_APP_MESSAGE =
  'components/ do not import from app/: let the page pass the server action (or its data) in as a prop, ' +
  'or move the shared code into lib/.';

const REACT_FILES = ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'];

/** @param {...Array<object>} groups */
const restrict = (...groups) => ['error', { patterns: groups.flat() }];

export default defineConfig(
  {
    name: 'vhd/ignores',
    ignores: [
      'lib/generated/**',
      '.next/**',
      'node_modules/**',
      '.data/**',
      'backups/**',
      'playwright-report/**',
      'test-results/**',
      'prisma/migrations/**',
      'next-env.d.ts',
    ],
  },
  {
    name: 'vhd/linter-options',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // React code lives in app/ and components/. lib/ and tests/ have functions named use…
    // (useCase, useDatabase) that are not React hooks, and the React Compiler rules are the
    // slowest part of the run, so the hooks rules stay where React is.
    ...reactHooks.configs.flat.recommended,
    name: 'react-hooks/recommended',
    files: REACT_FILES,
  },
  { name: 'next/core-web-vitals', ...nextPlugin.configs['core-web-vitals'] },

  {
    name: 'vhd/rules',
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // An unused variable is dead code; a leading underscore marks a deliberate one.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `import type` keeps server-only modules out of client bundles when only a type is needed.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      'prefer-const': 'error',
      'no-var': 'error',
      'object-shorthand': ['error', 'always'],
      // App Router only: there is no pages/ directory for this rule to check links against.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },

  {
    name: 'vhd/react',
    files: REACT_FILES,
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },

  // ----- import boundaries --------------------------------------------------------------------
  {
    name: 'vhd/boundaries/app',
    files: ['app/**/*.{ts,tsx}', 'proxy.ts'],
    rules: { 'no-restricted-imports': restrict(database, owner, testHelpers) },
  },
  {
    name: 'vhd/boundaries/components',
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(database, owner, testHelpers, appFolder(COMPONENTS_APP_MESSAGE)),
    },
  },
  {
    name: 'vhd/boundaries/lib',
    files: ['lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(appFolder(LIB_APP_MESSAGE), owner, testHelpers) },
  },
  {
    // Inside lib/db a sibling import `./owner` would reach the owner client without saying "db/".
    name: 'vhd/boundaries/lib-db',
    files: ['lib/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(appFolder(LIB_APP_MESSAGE), owner, testHelpers, [
        { regex: '^\\./owner(\\.ts)?$', message: OWNER_MESSAGE },
      ]),
    },
  },
);
