import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { RuntimeConfigMissing } from './app/runtime-config-missing';
import { readRuntimeConfig, RuntimeConfigError } from './lib/config';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

try {
  const config = readRuntimeConfig();
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
} catch (error) {
  if (!(error instanceof RuntimeConfigError)) throw error;
  root.render(<RuntimeConfigMissing error={error} />);
}
