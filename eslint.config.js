// One lint setup for the monorepo. Boundaries follow ARCHITECTURE.md: apps and services
// depend on packages; packages depend on nothing of ours above them; no service imports another.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serviceNames = ['auth', 'cave', 'store'];
const services = serviceNames.map((name) => `@makrx/${name}-service`);
const apps = ['@makrx/gateway-app', '@makrx/cave-app', '@makrx/store-app'];
const serverOnly = ['@makrx/db', '@makrx/db/*', '@makrx/service-kit', '@makrx/service-kit/*'];
const abovePackages = [...services, ...apps, '@makrx/launcher', '**/services/**', '**/apps/**'];

const forbid = (names, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: names, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.makrx/**',
      '**/next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/ui/**/*.{ts,tsx}', 'packages/spa-kit/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['packages/**/*.{ts,tsx}'],
    rules: forbid(
      abovePackages,
      'Packages are shared building blocks: they never import a service or an app.',
    ),
  },
  {
    files: ['packages/spa-kit/**/*.{ts,tsx}'],
    rules: forbid(
      [...abovePackages, ...serverOnly],
      'spa-kit runs in the browser: it never imports a service, an app, db or service-kit.',
    ),
  },
  ...serviceNames.map((name) => ({
    files: [`services/${name}/**/*.ts`],
    rules: forbid(
      [...services.filter((s) => s !== `@makrx/${name}-service`), ...apps, '../../../*/src/**'],
      'A service never imports another service or an app: call its API or publish an event.',
    ),
  })),
  {
    files: ['apps/**/*.{ts,tsx}'],
    rules: forbid(
      [...services, ...serverOnly, '@makrx/launcher'],
      'Apps talk to services over HTTP and share only @makrx/ui, @makrx/spa-kit and @makrx/contracts.',
    ),
  },
);
