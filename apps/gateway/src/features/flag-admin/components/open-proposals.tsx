import type { FlagChangeProposal } from '@makrx/contracts';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Button, JustificationDialog, Skeleton } from '@makrx/ui';
import { useState } from 'react';
import { useOpenProposals, useProposalDecision } from '../api';
import { proposalLines, type MakerspaceNames } from '../presentation';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function ProposalCard({
  proposal,
  names,
  onReject,
}: {
  proposal: FlagChangeProposal;
  names: MakerspaceNames;
  onReject: (proposal: FlagChangeProposal) => void;
}) {
  const decision = useProposalDecision();
  const own = proposal.mine;
  return (
    <li className="rounded-xl bg-white px-4 py-3 ring-1 ring-amber-200 ring-inset">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-ink-950">{proposal.flagName}</h3>
          <p className="font-mono text-xs break-all text-ink-500">{proposal.flagKey}</p>
          <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-800">
            {proposalLines(proposal, names).map((line) => (
              <li key={line.what}>
                <span className="text-ink-600">{line.what}:</span> {line.before} →{' '}
                <strong className="font-semibold">{line.after}</strong>
              </li>
            ))}
          </ul>
          <p className="mt-1.5 text-sm text-ink-700">
            <span className="sr-only">Justification: </span>“{proposal.justification}”
          </p>
          <p className="mt-1 text-sm text-ink-600">
            Proposed by{' '}
            <strong className="text-ink-900">
              {proposal.proposedByName ?? 'a removed account'}
            </strong>{' '}
            ·{' '}
            <time dateTime={proposal.proposedAt}>
              {dateTime.format(new Date(proposal.proposedAt))}
            </time>{' '}
            · affects about <strong className="text-ink-900">{proposal.affectedUsers}</strong> of{' '}
            {proposal.audienceUsers} users
          </p>
          {decision.error ? (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {decision.error.message}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {proposal.mayDecide ? (
            <>
              <Button
                size="sm"
                disabled={decision.isPending}
                onClick={() => decision.mutate({ id: proposal.id, action: 'approve' })}
              >
                Approve<span className="sr-only"> the change of {proposal.flagName}</span>
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onReject(proposal)}>
                Reject<span className="sr-only"> the change of {proposal.flagName}</span>
              </Button>
            </>
          ) : own ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={decision.isPending}
              onClick={() => decision.mutate({ id: proposal.id, action: 'withdraw' })}
            >
              Withdraw<span className="sr-only"> the change of {proposal.flagName}</span>
            </Button>
          ) : (
            <p className="text-sm text-ink-600">Waiting for an admin who may change this flag.</p>
          )}
        </div>
      </div>
    </li>
  );
}

/** Proposed changes waiting for another admin's decision (spec 5, "Flag Change Process"). */
export function OpenProposals({ names }: { names: MakerspaceNames }) {
  const proposals = useOpenProposals();
  const reject = useProposalDecision();
  const [rejecting, setRejecting] = useState<FlagChangeProposal | null>(null);

  if (proposals.isPending) return <Skeleton className="h-24 rounded-2xl" />;
  if (proposals.isError)
    return (
      <ServiceErrorState
        titleAs="h2"
        error={proposals.error}
        subject="the proposed changes"
        onRetry={() => void proposals.refetch()}
      />
    );
  const open = proposals.data.proposals;
  return (
    <section
      aria-labelledby="open-proposals"
      className="rounded-2xl bg-amber-50/60 p-4 ring-1 ring-amber-200 ring-inset sm:p-5"
    >
      <h2 id="open-proposals" className="text-base font-semibold text-ink-950">
        Proposed changes {open.length > 0 ? `(${open.length})` : null}
      </h2>
      {open.length === 0 ? (
        <p className="mt-1 text-sm text-ink-600">
          Nothing is waiting for approval. A change proposed by one admin appears here for another
          to approve or reject.
        </p>
      ) : (
        <ul className="mt-3 space-y-2">
          {open.map((proposal) => (
            <ProposalCard
              key={proposal.id}
              proposal={proposal}
              names={names}
              onReject={(chosen) => {
                reject.reset();
                setRejecting(chosen);
              }}
            />
          ))}
        </ul>
      )}
      <JustificationDialog
        open={rejecting !== null}
        title={rejecting ? `Reject the change of “${rejecting.flagName}”` : 'Reject'}
        submitLabel="Reject proposal"
        pendingLabel="Rejecting…"
        pending={reject.isPending}
        error={reject.error?.message}
        onSubmit={(reason) =>
          rejecting &&
          reject.mutate(
            { id: rejecting.id, action: 'reject', reason },
            { onSuccess: () => setRejecting(null) },
          )
        }
        onCancel={() => setRejecting(null)}
      >
        <p>The proposer sees your reason in the flag’s history. The flag stays as it is.</p>
      </JustificationDialog>
    </section>
  );
}
