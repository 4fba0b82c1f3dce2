/**
 * `npm run keys:rotate`: adds a new token signing key. Identity provider instances sign with
 * it after their next restart; keys already published keep verifying the tokens they signed.
 */
import { connectDatabase } from '@makrx/db';
import { baseServiceEnv, ConfigError, loadConfig } from '@makrx/service-kit';
import { rotateSigningKey } from './modules/identity/signing-keys';

/** Only the database: the production check then asks for nothing a key rotation does not use. */
const rotationEnv = baseServiceEnv.pick({
  NODE_ENV: true,
  DATABASE_URL: true,
  MAKRX_DATA_DIR: true,
});

let config;
try {
  config = loadConfig(rotationEnv);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const database = await connectDatabase({
  url: config.DATABASE_URL,
  dataDir: `${config.MAKRX_DATA_DIR}/db`,
  poolSize: 1,
});
try {
  const kid = await rotateSigningKey(database.db);
  console.log(`New signing key ${kid}. Restart the identity provider to sign with it.`);
} finally {
  await database.close();
}
