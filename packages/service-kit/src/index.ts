export { appOrigins, baseServiceEnv, ConfigError, loadConfig, servicePorts } from './config';
export type { BaseServiceConfig, Environment } from './config';
export { createService } from './create-service';
export type { ServiceDefinition, ServiceModule, ServiceRuntime } from './create-service';
export type { EventConsumer, EventContext, EventDelivery, ServiceEvents } from './service-events';
export {
  NOTIFICATION_REQUESTED,
  notificationKeyOf,
  notificationRelay,
  requestNotification,
  type RequestedNotification,
} from './notification-requests';
export { errorBody } from './error-handler';
export { AppError, badRequest, conflict, notFound } from './errors';
export { sendSerializedJson } from './send-serialized';
export { closeGracefully, peerSettingsOf, startService } from './start-service';
export type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export {
  createPeers,
  peerClientIds,
  unconfiguredPeers,
  type PeerName,
  type PeerSettings,
  type Peers,
} from './peers';
