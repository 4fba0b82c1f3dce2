/**
 * What a process must not run on with NODE_ENV=production: the stand-ins that make embedded
 * mode work without setup (DESIGN "Two ways to run") — built-in secrets anyone can read in this
 * repository, the dev mailbox, the offline payment gateway, demo users, an embedded database.
 *
 * One list of rules, applied by every service and the launcher where they parse their
 * configuration (service-kit's loadConfig) and by the store app (apps/store/src/lib/config.ts):
 * a contract between whoever deploys MakrX and each of its processes.
 */

/** A process's settings after parsing: variables it read, with their defaults filled in. */
export type Settings = Readonly<Record<string, unknown>>;

interface ProductionRule {
  /** The problems this rule finds, each naming the variable that fixes it. */
  problems(settings: Settings, reads: ReadonlySet<string>): string[];
}

/** Every built-in secret is spelled `embedded-…-secret`, so one pattern recognises them all. */
export const BUILT_IN_SECRET = /^embedded-[a-z0-9-]+-secret$/;

/** Set on purpose to run a production store that takes only test cards (it says so on every page). */
export const OFFLINE_PAYMENTS = 'offline';

const isSet = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** A variable the process reads that is left unset, with what that would mean. */
function required(variable: string, meaning: string): ProductionRule {
  return {
    problems: (settings, reads) =>
      reads.has(variable) && !isSet(settings[variable]) ? [`${variable}: ${meaning}`] : [],
  };
}

/** The local file links' secret matters only while files are kept on local disk. */
const unusedSecret = (variable: string, settings: Settings) =>
  variable === 'FILE_SIGNING_SECRET' && isSet(settings.S3_ENDPOINT);

const rules: ProductionRule[] = [
  {
    problems: (settings, reads) =>
      [...reads]
        .filter((variable) => {
          const value = settings[variable];
          return typeof value === 'string' && BUILT_IN_SECRET.test(value);
        })
        .filter((variable) => !unusedSecret(variable, settings))
        .map(
          (variable) =>
            `${variable}: is a built-in development secret, public in the source; set a random one of your own (32+ characters)`,
        ),
  },
  required(
    'STORE_SESSION_SECRET',
    'not set; the store needs a random key of its own for its session cookies (32+ characters)',
  ),
  required(
    'DATABASE_URL',
    'not set, so the service would keep its data in an embedded database (PGlite) on local disk; set a postgres:// URL',
  ),
  required(
    'SMTP_URL',
    'not set, so mail (password resets included) would go to the dev mailbox instead of being sent; set an smtp:// or smtps:// URL',
  ),
  required(
    'METRICS_TOKEN',
    'not set; /metrics and /docs answer only with this bearer token in production (32+ characters)',
  ),
  {
    problems: (settings, reads) =>
      ['STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY']
        .filter((variable) => reads.has(variable) && !isSet(settings[variable]))
        .filter(() => settings.MAKRX_PAYMENTS !== OFFLINE_PAYMENTS)
        .map(
          (variable) =>
            `${variable}: not set, so payments would go to the offline test gateway; set it, or MAKRX_PAYMENTS=${OFFLINE_PAYMENTS} to run a test-mode store on purpose`,
        ),
  },
  {
    problems: (settings, reads) =>
      reads.has('MAKRX_DEMO_DATA') && seedsDemoData(settings)
        ? [
            'MAKRX_DEMO_DATA: demo users (with a published password) and demo data would be seeded; set MAKRX_DEMO_DATA=false',
          ]
        : [],
  },
];

/**
 * Whether demo users and data are seeded: as asked, or, when nobody said, whenever the database
 * is embedded (a fresh `npm start`).
 */
function seedsDemoData(settings: Settings): boolean {
  const asked = settings.MAKRX_DEMO_DATA;
  return asked === undefined ? !isSet(settings.DATABASE_URL) : asked === 'true';
}

/**
 * Everything a production process would run on that is meant for development only, one line
 * per variable; empty outside production or when nothing is wrong. `reads` names the variables
 * the process reads, so each is judged only by the rules that concern it.
 */
export function developmentDefaultsInProduction(
  settings: Settings,
  reads: Iterable<string>,
): string[] {
  if (settings.NODE_ENV !== 'production') return [];
  const read = new Set(reads);
  return rules.flatMap((rule) => rule.problems(settings, read));
}
