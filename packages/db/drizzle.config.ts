import { defineConfig } from 'drizzle-kit';

// One migration history for the one database; each module owns the tables it declares.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './packages/db/src/schema.ts',
    './packages/events/src/tables.ts',
    './services/*/src/modules/*/tables.ts',
  ],
  out: './packages/db/migrations',
  schemaFilter: ['public', 'auth', 'makrcave', 'store'],
});
