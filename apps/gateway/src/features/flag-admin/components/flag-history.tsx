import type { FeatureFlagListItem, FlagChangeProposal } from '@makrx/contracts';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Badge, Skeleton } from '@makrx/ui';
import { useFlagHistory } from '../api';
import { changeLines, proposalStatusLabels, type MakerspaceNames } from '../presentation';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string) => <time dateTime={iso}>{dateTime.format(new Date(iso))}</time>;
const statusTone = {
  open: 'info',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
} as const;

/** A proposal's whole path: proposed (why, how many users), then approved, rejected or withdrawn. */
function ProposalPath({ proposal }: { proposal: FlagChangeProposal }) {
  return (
    <li className="rounded-xl bg-white px-4 py-3 ring-1 ring-ink-200 ring-inset">
      <div className="flex flex-wrap items-center gap-2 text-sm text-ink-700">
        <Badge tone={statusTone[proposal.status]}>{proposalStatusLabels[proposal.status]}</Badge>
        <span>
          Proposed by{' '}
          <strong className="font-semibold text-ink-900">
            {proposal.proposedByName ?? 'A removed account'}
          </strong>{' '}
          · {when(proposal.proposedAt)}
        </span>
      </div>
      <p className="mt-1.5 text-sm text-ink-700">
        <span className="sr-only">Justification: </span>“{proposal.justification}”
      </p>
      <p className="mt-1 text-sm text-ink-600">
        Affects about <strong className="text-ink-900">{proposal.affectedUsers}</strong> of{' '}
        {proposal.audienceUsers} users.
      </p>
      {proposal.status === 'approved' || proposal.status === 'rejected' ? (
        <p className="mt-1 text-sm text-ink-700">
          {proposal.status === 'approved' ? 'Approved' : 'Rejected'} by{' '}
          <strong className="font-semibold text-ink-900">
            {proposal.decidedByName ?? 'A removed account'}
          </strong>
          {proposal.decidedAt ? <> · {when(proposal.decidedAt)}</> : null}
          {proposal.appliedAt ? <> · applied {when(proposal.appliedAt)}</> : null}
          {proposal.decisionReason ? <>: “{proposal.decisionReason}”</> : null}
        </p>
      ) : null}
      {proposal.status === 'withdrawn' && proposal.decidedAt ? (
        <p className="mt-1 text-sm text-ink-600">
          Withdrawn by the proposer · {when(proposal.decidedAt)}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The flag's path, newest first: proposals (who proposed, why, how many users, who decided)
 * and the changes applied, each an emergency or through an approved proposal.
 */
export function FlagHistory({
  flag,
  names,
  id,
}: {
  flag: FeatureFlagListItem;
  names: MakerspaceNames;
  id: string;
}) {
  const history = useFlagHistory(flag.key, true);
  if (history.isPending)
    return (
      <div id={id} aria-busy="true" className="mt-4 space-y-2">
        <span className="sr-only">Loading the history…</span>
        <Skeleton className="h-14 rounded-xl" />
        <Skeleton className="h-14 rounded-xl" />
      </div>
    );
  if (history.isError)
    return (
      <div id={id} className="mt-4">
        <ServiceErrorState
          titleAs="h3"
          error={history.error}
          subject="this flag’s history"
          onRetry={() => void history.refetch()}
        />
      </div>
    );
  const { changes, proposals } = history.data;
  return (
    <section id={id} aria-label={`History of ${flag.name}`} className="mt-4 space-y-4">
      {changes.length === 0 && proposals.length === 0 ? (
        <p className="text-sm text-ink-600">
          No changes yet: the flag still has the setting it started with.
        </p>
      ) : null}
      {proposals.length > 0 ? (
        <div>
          <h4 className="text-sm font-semibold text-ink-900">Proposals</h4>
          <ol className="mt-2 space-y-2">
            {proposals.map((proposal) => (
              <ProposalPath key={proposal.id} proposal={proposal} />
            ))}
          </ol>
        </div>
      ) : null}
      {changes.length > 0 ? (
        <div>
          <h4 className="text-sm font-semibold text-ink-900">Changes applied</h4>
          <ol className="mt-2 space-y-2">
            {changes.map((change) => (
              <li
                key={change.id}
                className="rounded-xl bg-white px-4 py-3 ring-1 ring-ink-200 ring-inset"
              >
                <p className="flex flex-wrap items-center gap-2 text-sm text-ink-700">
                  {change.emergency ? <Badge tone="danger">Emergency</Badge> : null}
                  {change.proposalId ? <Badge tone="success">Approved proposal</Badge> : null}
                  <span>
                    <strong className="font-semibold text-ink-900">
                      {change.changedByName ?? 'A removed account'}
                    </strong>{' '}
                    · {when(change.changedAt)}
                  </span>
                </p>
                <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-800">
                  {changeLines(change, names).map((line) => (
                    <li key={line.what}>
                      <span className="text-ink-600">{line.what}:</span> {line.before} →{' '}
                      <strong className="font-semibold">{line.after}</strong>
                    </li>
                  ))}
                </ul>
                <p className="mt-1.5 text-sm text-ink-700">
                  <span className="sr-only">Justification: </span>“{change.justification}”
                </p>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
