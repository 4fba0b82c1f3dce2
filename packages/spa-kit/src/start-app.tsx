import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, type RouterProviderProps } from 'react-router-dom';
import { startFlags } from './flags';
import { LiveEventsProvider, type LiveInvalidations } from './live/live-events';
import { createQueryClient } from './query-client';
import {
  readRuntimeConfig,
  RuntimeConfigContext,
  RuntimeConfigError,
  type RuntimeConfig,
} from './runtime-config';
import { RuntimeConfigMissing } from './runtime-config-missing';
import type { BrowserSession } from './session/browser-session';
import { createBrowserSession } from './session/create-browser-session';
import { SessionProvider } from './session/session-context';
import { SiteContext, type Site } from './site';

type Router = RouterProviderProps['router'];

interface AppProps {
  site: Site;
  config: RuntimeConfig;
  router: Router;
  session: BrowserSession;
  live: LiveSettings;
}

function App({ site, config, router, session, live }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  const streamUrl = `${live.service === 'cave' ? config.caveApiUrl : config.authApiUrl}/api/v1/live`;
  return (
    <SiteContext value={site}>
      <RuntimeConfigContext value={config}>
        <SessionProvider session={session}>
          <QueryClientProvider client={queryClient}>
            <LiveEventsProvider url={streamUrl} invalidations={live.invalidations}>
              <RouterProvider router={router} />
            </LiveEventsProvider>
          </QueryClientProvider>
        </SessionProvider>
      </RuntimeConfigContext>
    </SiteContext>
  );
}

/** The app's one live stream (decision 0017): its own service's, and what its events make stale. */
export interface LiveSettings {
  service: 'auth' | 'cave';
  invalidations: LiveInvalidations;
}

export interface StartAppOptions {
  site: Site;
  router: Router;
  live: LiveSettings;
  /** The app's client at the identity provider, e.g. `makrcave-frontend`. */
  clientId: string;
}

/**
 * Renders the app into #root once /config.js has said where its services are, and once the
 * sign-in state and the feature flags are known; or sends the browser to the identity provider first, when this tab
 * has not yet asked it whether someone is signed in.
 */
export async function startApp({ site, router, clientId, live }: StartAppOptions): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');

  let config: RuntimeConfig;
  try {
    config = readRuntimeConfig();
  } catch (error) {
    if (!(error instanceof RuntimeConfigError)) throw error;
    createRoot(container).render(<RuntimeConfigMissing portal={site.portal} error={error} />);
    return;
  }

  const session = createBrowserSession(config.oidcIssuer, clientId);
  if ((await session.start()) === 'redirecting') return;
  // Before the first render, so that a page under maintenance never flashes the app.
  await startFlags(config.authApiUrl, session);
  createRoot(container).render(
    <StrictMode>
      <App site={site} config={config} router={router} session={session} live={live} />
    </StrictMode>,
  );
}
