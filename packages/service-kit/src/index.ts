export {
  appOrigins,
  baseServiceEnv,
  ConfigError,
  loadConfig,
  serviceEnv,
  servicePorts,
} from './config';
export type { BaseServiceConfig, Environment, ServiceConfig } from './config';
export { OFFLINE_PAYMENTS } from '@makrx/contracts/production-defaults';
export {
  basePagePolicy,
  contentSecurityPolicy,
  originOf,
  PAGE_HEADERS,
  registerPageSecurityHeaders,
  type ContentSecurityPolicy,
} from './security-headers';
export { createService } from './create-service';
export { requireSupportedRuntime, SUPPORTED_NODE_MAJOR } from './runtime';
export type { ServiceDefinition, ServiceModule, ServiceRuntime } from './create-service';
export type { BackgroundJob, BackgroundJobs, JobRunning } from './background-jobs';
export { defineFlow, InjectedFailure, runFlow } from './flows';
export type { Flow, FlowPart, FlowRunOptions, FlowStep, FlowStepGroup, UndoFailure } from './flows';
export type {
  DeliveredEvent,
  EventConsumer,
  EventContext,
  EventDelivery,
  ServiceEvents,
} from './service-events';
export {
  NOTIFICATION_REQUESTED,
  notificationKeyOf,
  notificationRelay,
  requestNotification,
  type RequestedNotification,
} from './notification-requests';
export { errorBody } from './error-handler';
// The error type lives with the error body in contracts; services reach it through their kit.
export { AppError, badRequest, conflict, notFound } from '@makrx/contracts';
export { sendSerializedJson } from './send-serialized';
export {
  closeGracefully,
  runServiceProcess,
  startService,
  type RunningService,
  type StartOptions,
} from './start-service';
export type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export {
  createPeers,
  peerClientIds,
  peerSettingsOf,
  unconfiguredPeers,
  type PeerName,
  type PeerSettings,
  type Peers,
} from './peers';
export { membershipsFromCave, userMakerspacesFromCave } from './memberships';
// Announcing a change to open pages, from a module's transaction (decision 0017).
export { publishLive } from '@makrx/events';
export {
  LIVE_HEARTBEAT_MS,
  LIVE_STATUS_FLAG,
  LIVE_STREAMS_PER_USER,
  type LiveStreamSettings,
} from './live-stream';
