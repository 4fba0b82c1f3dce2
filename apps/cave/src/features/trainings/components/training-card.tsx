import type { Training, TrainingSession } from '@makrx/contracts';
import { Badge, Button, Card } from '@makrx/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../paths';
import { validityText } from '../presentation';
import { PassList } from './pass-list';
import { SessionRow } from './session-row';

export interface TrainingCardProps {
  slug: string;
  training: Training;
  sessions: TrainingSession[];
  timeZone: string;
  canRun: boolean;
  /** Whether I hold a valid pass of it: its machines are mine to book. */
  passed: boolean;
  onSchedule: (training: Training) => void;
}

/** A training: what it is, the machines it opens, its sessions to come. */
export function TrainingCard({
  slug,
  training,
  sessions,
  timeZone,
  canRun,
  passed,
  onSchedule,
}: TrainingCardProps) {
  const [showPasses, setShowPasses] = useState(false);
  const headingId = `training-${training.id}`;
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby={headingId}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={headingId} className="text-lg font-semibold text-ink-950">
                {training.name}
              </h3>
              {passed ? <Badge tone="success">You passed</Badge> : null}
            </div>
            <p className="mt-0.5 text-sm text-ink-600">
              {training.durationMinutes} min · {validityText(training.validityMonths)}
            </p>
          </div>
          {canRun ? (
            <div className="flex shrink-0 flex-wrap gap-2">
              <Button size="sm" variant="secondary" onClick={() => onSchedule(training)}>
                Schedule a session
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-expanded={showPasses}
                onClick={() => setShowPasses((shown) => !shown)}
              >
                {showPasses ? 'Hide passes' : 'Passes'}
              </Button>
            </div>
          ) : null}
        </div>
        {training.description ? (
          <p className="mt-3 max-w-2xl text-sm leading-6 text-ink-700">{training.description}</p>
        ) : null}
        <p className="mt-3 text-sm text-ink-700">
          <span className="font-medium text-ink-900">Needed for: </span>
          {training.machines.length === 0
            ? 'no machine yet'
            : training.machines.map((machine, index) => (
                <span key={machine.id}>
                  {index > 0 ? ', ' : ''}
                  <Link
                    to={paths.machine(slug, machine.slug)}
                    className="font-medium text-accent-700 underline-offset-2 hover:underline"
                  >
                    {machine.name}
                  </Link>
                </span>
              ))}
        </p>
        {canRun && showPasses ? (
          <PassList slug={slug} trainingId={training.id} timeZone={timeZone} />
        ) : null}
        <h4 className="mt-5 text-sm font-semibold text-ink-900">Sessions to come</h4>
        {sessions.length === 0 ? (
          <p className="mt-2 text-sm text-ink-600">
            No session is scheduled yet.
            {canRun ? ' Schedule one above.' : ' Ask the makerspace when the next one is.'}
          </p>
        ) : (
          <ul className="mt-2 space-y-2">
            {sessions.map((session) => (
              <SessionRow
                key={session.id}
                slug={slug}
                session={session}
                timeZone={timeZone}
                canRun={canRun}
              />
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
