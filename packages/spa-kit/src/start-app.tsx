import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, type RouterProviderProps } from 'react-router-dom';
import { createQueryClient } from './query-client';
import {
  readRuntimeConfig,
  RuntimeConfigContext,
  RuntimeConfigError,
  type RuntimeConfig,
} from './runtime-config';
import { RuntimeConfigMissing } from './runtime-config-missing';
import { SiteContext, type Site } from './site';

type Router = RouterProviderProps['router'];

function App({ site, config, router }: { site: Site; config: RuntimeConfig; router: Router }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <SiteContext value={site}>
      <RuntimeConfigContext value={config}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </RuntimeConfigContext>
    </SiteContext>
  );
}

/** Renders the app into #root once /config.js has said where its services are. */
export function startApp({ site, router }: { site: Site; router: Router }) {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);

  try {
    const config = readRuntimeConfig();
    root.render(
      <StrictMode>
        <App site={site} config={config} router={router} />
      </StrictMode>,
    );
  } catch (error) {
    if (!(error instanceof RuntimeConfigError)) throw error;
    root.render(<RuntimeConfigMissing portal={site.portal} error={error} />);
  }
}
