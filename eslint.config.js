// Type-aware ESLint for every package. The import rules encode the one dependency rule of
// docs/architecture.md: a package reaches other packages of ours only through
// @lexigram/monitor-core's public entry (and its unstable /internal subpath).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.turbo/**',
      '**/*.d.ts',
      '**/test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // One program for the whole repository (every package's src and test, examples, tools,
        // bench, root tests): each file is parsed and checked once, not once per package that
        // imports it, which makes a full lint several times cheaper than per-package programs.
        project: ['./tsconfig.check.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'No `export *`: name each export in the barrel.',
        },
      ],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lexigram/monitor-*', '!@lexigram/monitor-core'],
              message:
                'Packages depend only on @lexigram/monitor-core (docs/architecture.md, the one dependency rule).',
            },
            {
              group: ['@lexigram/monitor-core/*', '!@lexigram/monitor-core/internal'],
              message:
                'Import from @lexigram/monitor-core itself (or its unstable /internal subpath), not its files.',
            },
            {
              group: ['../../*/src/*', '../../../packages/*'],
              message: 'Do not reach into another package’s sources.',
            },
          ],
        },
      ],
    },
  },
  {
    // The middleware's adapters take the user's framework instance: frameworks are optional
    // peers, so importing one at run time would break apps that do not install it.
    files: ['packages/middleware/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['express', 'fastify', 'koa', '@koa/router', 'hono'].map((name) => ({
            name,
            message: 'Frameworks are optional peers: use `import type` only.',
            allowTypeImports: true,
          })),
          patterns: [
            {
              group: ['hono/*', 'fastify/*', 'express/*', 'koa/*'],
              message: 'Frameworks are optional peers: use `import type` only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/test/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
