export {
  createDispatcher,
  DEFAULT_MAX_ATTEMPTS,
  exponentialBackoff,
  findParkedEvent,
  OUTBOX_CHANNEL,
  listParkedEvents,
  listRecentEvents,
  publishEvent,
  replayParkedEvent,
} from './outbox';
export type {
  Consumer,
  Dispatcher,
  DispatcherOptions,
  Executor,
  NewEvent,
  OutboxEvent,
  ParkedEvent,
  RunResult,
  SourceFilter,
} from './outbox';
export { outboxEvents, processedEvents } from './tables';
export { parkedEventRoutes, type ParkedEventRoutesOptions } from './parked-events-routes';
export { liveChannelOf, publishLive } from './live';
export { redactEventPayloads } from './redaction';
