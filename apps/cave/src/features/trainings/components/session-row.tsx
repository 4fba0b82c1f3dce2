import type { TrainingSession } from '@makrx/contracts';
import { Badge, Button } from '@makrx/ui';
import { useState } from 'react';
import { formatSlot } from '../../reservations/presentation';
import { useSeat } from '../api';
import { seatsText, trainingRefusalOf } from '../presentation';
import { AttendeeList } from './attendee-list';

export interface SessionRowProps {
  slug: string;
  session: TrainingSession;
  timeZone: string;
  /** Admins see who signed up and record their passes. */
  canRun: boolean;
}

/** One session to come: when, where, the seats left, and my seat in it. */
export function SessionRow({ slug, session, timeZone, canRun }: SessionRowProps) {
  const seat = useSeat(slug);
  const [showAttendees, setShowAttendees] = useState(false);
  const when = formatSlot(session.startsAt, session.endsAt, timeZone);
  const full = session.seatsLeft <= 0;
  return (
    <li className="rounded-xl border border-ink-200 bg-white p-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="font-medium text-ink-950">{when}</p>
          <p className="mt-0.5 text-sm text-ink-600">
            {[session.location, session.instructor?.displayName].filter(Boolean).join(' · ') ||
              'Place to be announced'}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge tone={full ? 'warning' : 'neutral'}>{seatsText(session.seatsLeft)}</Badge>
            {session.signedUp ? <Badge tone="success">You have a seat</Badge> : null}
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {session.signedUp ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={seat.isPending}
              aria-label={`Cancel my seat, ${when}`}
              onClick={() => seat.mutate({ sessionId: session.id, take: false })}
            >
              Cancel my seat
            </Button>
          ) : (
            <Button
              size="sm"
              disabled={seat.isPending || full}
              aria-label={`Sign up, ${when}`}
              onClick={() => seat.mutate({ sessionId: session.id, take: true })}
            >
              Sign up
            </Button>
          )}
          {canRun ? (
            <Button
              variant="ghost"
              size="sm"
              aria-expanded={showAttendees}
              onClick={() => setShowAttendees((shown) => !shown)}
            >
              {showAttendees ? 'Hide attendees' : 'Attendees'}
            </Button>
          ) : null}
        </div>
      </div>
      {seat.isError ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {trainingRefusalOf(seat.error)}
        </p>
      ) : null}
      {canRun && showAttendees ? (
        <AttendeeList slug={slug} sessionId={session.id} trainingId={session.training.id} />
      ) : null}
    </li>
  );
}
