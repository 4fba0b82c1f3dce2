import { ServiceErrorState, useRuntimeConfig } from '@makrx/spa-kit';
import {
  ArrowRightIcon,
  Badge,
  BuildingIcon,
  Card,
  EmptyState,
  MapPinIcon,
  PrinterIcon,
  ShoppingBagIcon,
  Skeleton,
  buttonClasses,
  formatPrice,
  makerspaceRolesText,
  orderDateText,
  orderStatusText,
} from '@makrx/ui';
import type { ReactNode } from 'react';
import { useMyMakerspaces, useMyPrints, useMyRecentOrders } from '../my-ecosystem-api';
import { printStatusText, statusTone } from '../status-text';

function Panel({
  id,
  title,
  description,
  more,
  children,
}: {
  id: string;
  title: string;
  description: string;
  more?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={id} className="text-xl font-semibold text-ink-950">
            {title}
          </h2>
          <p className="mt-1 text-sm text-ink-600">{description}</p>
        </div>
        {more}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

function MoreLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="inline-flex items-center gap-1.5 text-sm font-semibold text-accent-700 hover:text-accent-900"
    >
      {children}
      <ArrowRightIcon className="size-4" />
    </a>
  );
}

function ListSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="space-y-3">
      <span className="sr-only">Loading {label}</span>
      <Skeleton className="h-16 w-full rounded-xl" />
      <Skeleton className="h-16 w-full rounded-xl" />
    </div>
  );
}

const rowClasses =
  'flex flex-wrap items-center gap-x-4 gap-y-1 rounded-xl px-4 py-3 hover:bg-ink-50 focus-visible:bg-ink-50';

export function MyMakerspaces() {
  const { caveUrl } = useRuntimeConfig();
  const mine = useMyMakerspaces();
  return (
    <Panel
      id="my-makerspaces"
      title="Makerspaces"
      description="Where you are a member, and what you may do there."
      more={<MoreLink href={caveUrl}>Open MakrCave</MoreLink>}
    >
      {mine.isPending ? (
        <ListSkeleton label="your makerspaces" />
      ) : mine.isError ? (
        <ServiceErrorState
          error={mine.error}
          subject="your makerspaces"
          titleAs="h3"
          onRetry={() => void mine.refetch()}
        />
      ) : mine.data.items.length === 0 ? (
        <EmptyState
          icon={<BuildingIcon />}
          titleAs="h3"
          title="You are not in a makerspace yet"
          description="Join a makerspace to book its machines, take its trainings and share its projects."
          action={
            <a href={caveUrl} className={buttonClasses({})}>
              Find a makerspace
            </a>
          }
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {mine.data.items.map(({ makerspace, roles }) => (
            <li key={makerspace.id}>
              <Card interactive className="h-full p-5">
                <h3 className="text-base font-semibold text-ink-950">
                  <a
                    href={`${caveUrl}/makerspaces/${encodeURIComponent(makerspace.slug)}`}
                    className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
                  >
                    {makerspace.name}
                  </a>
                </h3>
                <p className="mt-1 inline-flex items-center gap-1.5 text-sm text-ink-600">
                  <MapPinIcon className="size-4 text-ink-500" />
                  {makerspace.city}
                </p>
                <p className="mt-3">
                  <span className="sr-only">Your roles: </span>
                  <Badge tone="accent">{makerspaceRolesText(roles)}</Badge>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function MyRecentOrders() {
  const { storeUrl } = useRuntimeConfig();
  const orders = useMyRecentOrders();
  return (
    <Panel
      id="my-orders"
      title="Recent orders"
      description="Your latest MakrX.Store orders."
      more={
        orders.data && orders.data.total > 0 ? (
          <MoreLink href={`${storeUrl}/orders`}>All orders</MoreLink>
        ) : undefined
      }
    >
      {orders.isPending ? (
        <ListSkeleton label="your orders" />
      ) : orders.isError ? (
        <ServiceErrorState
          error={orders.error}
          subject="your orders"
          titleAs="h3"
          onRetry={() => void orders.refetch()}
        />
      ) : orders.data.items.length === 0 ? (
        <EmptyState
          icon={<ShoppingBagIcon />}
          titleAs="h3"
          title="No orders yet"
          description="Filament, electronics and tools for your next build are a click away."
          action={
            <a href={storeUrl} className={buttonClasses({})}>
              Shop MakrX.Store
            </a>
          }
        />
      ) : (
        <Card className="p-1.5">
          <ul className="divide-y divide-ink-100">
            {orders.data.items.map((order) => (
              <li key={order.id}>
                <a
                  href={`${storeUrl}/orders/${encodeURIComponent(order.number)}`}
                  className={rowClasses}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block font-semibold text-ink-950">Order {order.number}</span>
                    <span className="block text-sm text-ink-600">
                      {orderDateText(order.createdAt)} ·{' '}
                      {order.itemCount === 1 ? '1 item' : `${order.itemCount} items`}
                    </span>
                  </span>
                  <Badge tone={statusTone(order.status)} dot>
                    {orderStatusText(order.status)}
                  </Badge>
                  <span className="w-24 text-right font-semibold text-ink-900 tabular-nums">
                    {formatPrice(order.totalCents, order.currency)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Panel>
  );
}

export function MyPrints() {
  const { storeUrl } = useRuntimeConfig();
  const prints = useMyPrints();
  return (
    <Panel
      id="my-prints"
      title="3D prints"
      description="Models you ordered printed, and where each one is."
    >
      {prints.isPending ? (
        <ListSkeleton label="your prints" />
      ) : prints.isError ? (
        <ServiceErrorState
          error={prints.error}
          subject="your prints"
          titleAs="h3"
          onRetry={() => void prints.refetch()}
        />
      ) : prints.data.items.length === 0 ? (
        <EmptyState
          icon={<PrinterIcon />}
          titleAs="h3"
          title="No prints yet"
          description="Upload a 3D model to get an instant quote from makerspaces near you."
          action={
            <a href={`${storeUrl}/print`} className={buttonClasses({ variant: 'secondary' })}>
              Get a print quote
            </a>
          }
        />
      ) : (
        <Card className="p-1.5">
          <ul className="divide-y divide-ink-100">
            {prints.data.items.map((print) => (
              <li key={print.id}>
                <a
                  href={`${storeUrl}/orders/${encodeURIComponent(print.orderNumber)}`}
                  className={rowClasses}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-semibold text-ink-950">
                      {print.fileName}
                    </span>
                    <span className="block text-sm text-ink-600">
                      {print.quantity} × {print.materialName}
                      {print.providerName ? ` · ${print.providerName}` : ''} · Order{' '}
                      {print.orderNumber}
                    </span>
                  </span>
                  <Badge tone={statusTone(print.status)} dot>
                    {printStatusText(print.status)}
                  </Badge>
                </a>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Panel>
  );
}
