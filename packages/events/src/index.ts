export {
  createDispatcher,
  exponentialBackoff,
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
} from './outbox';
export { outboxEvents, processedEvents } from './tables';
