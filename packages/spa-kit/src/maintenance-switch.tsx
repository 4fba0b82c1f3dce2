import { Button, ConfirmDialog } from '@makrx/ui';
import { useId, useState } from 'react';
import { ApiError, requestJson } from './api-client';
import { refreshFlags } from './flags';
import { useRuntimeConfig } from './runtime-config';
import { useAuthenticatedFetch } from './session/session-context';

/**
 * Turns MAINTENANCE_MODE off from the banner, with the justification every flag change needs
 * (spec 5, "Flag Governance"). Its own chunk: only super admins during maintenance load it.
 */
export function MaintenanceSwitch() {
  const config = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const fieldId = useId();
  const [open, setOpen] = useState(false);
  const [justification, setJustification] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const turnOff = async () => {
    if (justification.trim().length < 10) {
      setError('Say why in at least 10 characters; it goes into the flag’s history.');
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await requestJson(send, config.authApiUrl, '/api/v1/flags/MAINTENANCE_MODE', {
        method: 'PATCH',
        body: { enabled: false, justification: justification.trim() },
      });
      await refreshFlags();
      setOpen(false);
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? failure.message
          : 'The change did not go through. Please try again.',
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Turn maintenance off
      </Button>
      <ConfirmDialog
        open={open}
        title="Turn maintenance mode off?"
        confirmLabel="Turn it off"
        pendingLabel="Turning off…"
        pending={pending}
        error={error}
        onConfirm={() => void turnOff()}
        onCancel={() => {
          setOpen(false);
          setError(undefined);
        }}
      >
        <p>Every app opens again for everyone within seconds, and changes are accepted again.</p>
        <label htmlFor={fieldId} className="mt-4 block font-medium text-ink-900">
          Why? (kept in the flag’s history)
        </label>
        <textarea
          id={fieldId}
          value={justification}
          onChange={(event) => setJustification(event.target.value)}
          rows={3}
          className="mt-1 block w-full rounded-lg border border-ink-300 px-3 py-2 text-ink-900 focus:border-accent-600 focus:ring-2 focus:ring-accent-600/30 focus:outline-none"
          placeholder="Upgrade finished and checked."
        />
      </ConfirmDialog>
    </>
  );
}
