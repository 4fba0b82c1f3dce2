import type { TrainingPass } from '@makrx/contracts';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Badge, Button, ConfirmDialog, Skeleton } from '@makrx/ui';
import { useState } from 'react';
import { useTrainingAdmin, useTrainingPasses } from '../api';
import { passState, trainingRefusalOf } from '../presentation';

const dayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });

/** Every pass of one training, for its admins: who holds it, until when; revoke. */
export function PassList({
  slug,
  trainingId,
  timeZone,
}: {
  slug: string;
  trainingId: string;
  timeZone: string;
}) {
  const passes = useTrainingPasses(slug, trainingId);
  const { revokePass } = useTrainingAdmin(slug);
  const [revoking, setRevoking] = useState<TrainingPass | null>(null);
  const day = dayFormat(timeZone);
  if (passes.isPending)
    return (
      <div aria-busy="true" className="mt-3">
        <span className="sr-only">Loading passes…</span>
        <Skeleton className="h-10 rounded-lg" />
      </div>
    );
  if (passes.isError)
    return (
      <ServiceErrorState
        error={passes.error}
        subject="the passes"
        onRetry={() => void passes.refetch()}
      />
    );
  if (passes.data.length === 0)
    return <p className="mt-3 text-sm text-ink-600">Nobody holds this training’s pass yet.</p>;
  return (
    <>
      <ul className="mt-3 divide-y divide-ink-100 border-t border-ink-100">
        {passes.data.map((pass) => {
          const state = passState(pass);
          return (
            <li key={pass.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="text-sm font-medium text-ink-950">{pass.user.displayName}</p>
                <p className="text-xs text-ink-600">
                  Passed {day.format(new Date(pass.passedAt))}
                  {pass.expiresAt ? ` · until ${day.format(new Date(pass.expiresAt))}` : ''}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={state.tone}>{state.label}</Badge>
                {pass.valid ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Revoke ${pass.user.displayName}’s pass`}
                    onClick={() => {
                      revokePass.reset();
                      setRevoking(pass);
                    }}
                  >
                    Revoke
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this pass?"
        confirmLabel="Revoke pass"
        pendingLabel="Revoking…"
        tone="danger"
        pending={revokePass.isPending}
        error={revokePass.isError ? trainingRefusalOf(revokePass.error) : undefined}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoking && revokePass.mutate(revoking.id, { onSuccess: () => setRevoking(null) })
        }
      >
        {revoking
          ? `${revoking.user.displayName} will no longer be able to book the machines this training opens, until they pass again.`
          : null}
      </ConfirmDialog>
    </>
  );
}
