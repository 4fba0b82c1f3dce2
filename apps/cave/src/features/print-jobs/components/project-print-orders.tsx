import { useRuntimeConfig } from '@makrx/spa-kit';
import { Badge, buttonClasses, Card, PrinterIcon, Skeleton } from '@makrx/ui';
import { useProjectPrintOrders } from '../api';
import { materialName, qualityNames, statusLabels } from '../presentation';

const orderedFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' });

export interface ProjectPrintOrdersProps {
  projectId: string;
  projectSlug: string;
}

/**
 * A project's 3D prints (for its owner and editors): each print ordered for it in the Store,
 * where it is now, and the way to order another one for the project.
 */
export function ProjectPrintOrders({ projectId, projectSlug }: ProjectPrintOrdersProps) {
  const { storeUrl } = useRuntimeConfig();
  const prints = useProjectPrintOrders(projectSlug);
  const orderHref = `${storeUrl}/print?${new URLSearchParams({ project: projectId })}`;
  return (
    <section aria-labelledby="project-prints-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="project-prints-heading" className="text-lg font-semibold text-ink-950">
          3D prints
        </h2>
        <a href={orderHref} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          <PrinterIcon />
          Order a 3D print
        </a>
      </div>
      {prints.isPending ? (
        <Skeleton className="mt-3 h-20 rounded-2xl" />
      ) : prints.isError ? (
        <p className="mt-3 text-sm text-ink-600">The prints could not be loaded just now.</p>
      ) : prints.data.items.length === 0 ? (
        <p className="mt-3 rounded-2xl border border-dashed border-ink-300 bg-ink-50/60 p-5 text-sm text-ink-600">
          No prints ordered for this project yet. Upload a model in MakrX.Store and a makerspace
          near you prints it; it is listed here with its progress.
        </p>
      ) : (
        <Card className="mt-3 divide-y divide-ink-100">
          {prints.data.items.map((print) => (
            <div key={print.jobId} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-ink-950">
                  {print.quantity} × {print.fileName}
                </p>
                <p className="text-sm text-ink-600">
                  {materialName(print.materialKey)}, {qualityNames[print.quality]} · order{' '}
                  {print.orderNumber} · {print.orderedBy},{' '}
                  {orderedFormat.format(new Date(print.orderedAt))}
                  {print.provider ? ` · printed by ${print.provider.name}` : ''}
                </p>
              </div>
              <Badge tone={statusLabels[print.status].tone}>
                {statusLabels[print.status].label}
              </Badge>
            </div>
          ))}
        </Card>
      )}
    </section>
  );
}
