import { Container, ErrorState, portalInfo, type Portal } from '@makrx/ui';
import type { RuntimeConfigError } from './runtime-config';

/** Shown instead of the app when /config.js did not load: a deployment fault, not a user's. */
export function RuntimeConfigMissing({
  portal,
  error,
}: {
  portal: Portal;
  error: RuntimeConfigError;
}) {
  return (
    <main>
      <Container className="py-24">
        <ErrorState
          titleAs="h1"
          title={`${portalInfo(portal).name} isn’t configured`}
          description={
            <>
              The site loaded without its settings (<code>/config.js</code>), so it doesn’t know
              where its services are. Missing: {error.missingKeys.join(', ')}.
            </>
          }
          code="RUNTIME_CONFIG_MISSING"
        />
      </Container>
    </main>
  );
}
