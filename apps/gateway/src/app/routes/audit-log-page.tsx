import { useDocumentTitle } from '@makrx/spa-kit';
import { Container, SectionHeader } from '@makrx/ui';
import { AuditGate } from '../../features/audit-log/components/audit-gate';
import { AuditLogViewer } from '../../features/audit-log/components/audit-log-viewer';
import { ParkedEvents } from '../../features/audit-log/components/parked-events';
import { paths } from '../paths';

export function AuditLogPage() {
  useDocumentTitle('Audit log');
  return (
    <Container className="py-10 sm:py-14">
      <AuditGate>
        <SectionHeader
          titleAs="h1"
          eyebrow="Administration"
          title="Audit log"
          description="Every change that matters, across MakrX.org, MakrCave and MakrX.Store: who made it, when, and what it was before and after. Entries are chained, so an edited row is detected."
        />
        <div className="mt-8">
          <AuditLogViewer basePath={paths.auditLog} />
        </div>
        <section aria-labelledby="parked-events" className="mt-14">
          <h2 id="parked-events" className="text-xl font-semibold text-ink-950">
            Parked events
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-ink-700">
            Events a service could not deliver after several tries. Fix the cause, then replay:
            consumers that already handled an event are not run again.
          </p>
          <div className="mt-5">
            <ParkedEvents />
          </div>
        </section>
      </AuditGate>
    </Container>
  );
}
