import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'launcher/src/**/*.test.ts',
      'deploy/**/*.test.ts',
    ],
    // Integration tests start services over real databases; PGlite boots in about a second.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
