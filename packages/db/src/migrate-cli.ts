/**
 * `npm run db:migrate`: applies the migration files to the PostgreSQL at DATABASE_URL.
 * Production runs this before starting services; embedded mode migrates on start.
 */
import { connectDatabase } from './connect';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'db:migrate needs DATABASE_URL (a PostgreSQL URL). Embedded mode migrates on start.',
  );
  process.exit(1);
}
const handle = await connectDatabase({ url, poolSize: 1 });
try {
  await handle.migrate();
  console.log('Migrations applied.');
} finally {
  await handle.close();
}
