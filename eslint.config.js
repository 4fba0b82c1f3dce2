// One lint setup for the monorepo. Boundaries follow ARCHITECTURE.md: apps and services
// depend on packages; packages depend on nothing of ours above them; no service imports another;
// inside a service, a module reaches another module only through its public service.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serviceNames = ['auth', 'cave', 'store'];
const services = serviceNames.map((name) => `@makrx/${name}-service`);
const apps = ['@makrx/gateway-app', '@makrx/cave-app', '@makrx/store-app'];
const serverOnly = ['@makrx/db', '@makrx/db/*', '@makrx/service-kit', '@makrx/service-kit/*'];
const abovePackages = [...services, ...apps, '@makrx/launcher', '**/services/**', '**/apps/**'];

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const forbid = (names, message) => restrict({ group: names, message });

const otherService = (name) => ({
  group: [...services.filter((s) => s !== `@makrx/${name}-service`), ...apps, '../../../*/src/**'],
  message: 'A service never imports another service or an app: call its API or publish an event.',
});

/*
 * A module owns its tables (Medusa's modules, STYLE "A module owns its tables"): from another
 * module of its service, code imports only that module's public `service` file, never its
 * tables or its other files. Tests and test helpers may also use its `testing` helpers; a
 * `tables.ts` may name another module's tables, to declare a foreign key the database keeps.
 * The flows in src/flows compose modules through the same public services.
 */
const publicEntries = (entries) => `(?!(?:${entries.join('|')})$)`;
const anotherModule = (entries) => ({
  regex: `^\\.\\./[\\w-]+/${publicEntries(entries)}|(?:^|/)modules/[\\w-]+/${publicEntries(entries)}`,
  message: `A module owns its tables and internals: import another module's public ${entries.join(' or ')} file (../<module>/service), never its tables or other files.`,
});
const moduleOfFlow = (entries) => ({
  regex: `^\\.\\./modules/[\\w-]+/${publicEntries(entries)}`,
  message: `Flows compose modules through their public ${entries.join(' or ')} files (../modules/<module>/service), never their tables or other files.`,
});
const testFiles = (folder) => [`${folder}/*.test.ts`, `${folder}/testing.ts`];

function moduleBoundaries(name) {
  const modules = `services/${name}/src/modules/*`;
  const flows = `services/${name}/src/flows`;
  return [
    { files: [`${modules}/*.ts`], rules: restrict(otherService(name), anotherModule(['service'])) },
    {
      files: [`${modules}/tables.ts`],
      rules: restrict(otherService(name), anotherModule(['service', 'tables'])),
    },
    {
      files: testFiles(modules),
      rules: restrict(otherService(name), anotherModule(['service', 'testing'])),
    },
    { files: [`${flows}/*.ts`], rules: restrict(otherService(name), moduleOfFlow(['service'])) },
    {
      files: testFiles(flows),
      rules: restrict(otherService(name), moduleOfFlow(['service', 'testing'])),
    },
  ];
}

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
    files: [
      'apps/**/*.{ts,tsx}',
      'packages/ui/**/*.{ts,tsx}',
      'packages/spa-kit/**/*.{ts,tsx}',
      'packages/model-viewer/**/*.ts',
    ],
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
  {
    files: ['packages/model-viewer/**/*.ts'],
    rules: forbid(
      [...abovePackages, ...serverOnly, 'node:*'],
      'The model viewer runs in the browser: it never imports a service, an app, db, service-kit or Node.',
    ),
  },
  {
    // The analysis runs unchanged in a worker thread and in a browser Web Worker: no I/O.
    files: ['packages/mesh/src/**/*.ts'],
    ignores: ['packages/mesh/src/**/*.test.ts'],
    rules: forbid(
      [...abovePackages, ...serverOnly, 'node:*', 'fs', 'path', 'child_process', 'worker_threads'],
      '@makrx/mesh runs in browsers and worker threads alike: pure computation, no Node or DOM I/O.',
    ),
  },
  ...serviceNames.map((name) => ({
    files: [`services/${name}/**/*.ts`],
    rules: restrict(otherService(name)),
  })),
  // After the rule above: for the same files, the last setting of a rule is the one used.
  ...serviceNames.flatMap(moduleBoundaries),
  {
    files: ['apps/**/*.{ts,tsx}'],
    rules: forbid(
      [...services, ...serverOnly, '@makrx/launcher'],
      'Apps talk to services over HTTP and share only @makrx/ui, @makrx/spa-kit and @makrx/contracts.',
    ),
  },
);
