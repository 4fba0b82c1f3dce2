import { Skeleton } from '@makrx/ui';

/** Where a calendar will be, while its page's chunk and the makerspace load. */
export const calendarLoading = (
  <div aria-busy="true">
    <span className="sr-only">Loading the calendar…</span>
    <Skeleton className="h-[32rem] rounded-2xl" />
  </div>
);
