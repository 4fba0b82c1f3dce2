import { flagsOfRoute } from '@makrx/auth';
import { AppError } from '@makrx/contracts';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';

/**
 * A route behind a feature flag (`config.flag`) answers one way while the flag is off for the
 * caller: 404 FEATURE_DISABLED, as if the feature were not there yet. The check is added to
 * those routes alone, after the guard's (route hooks run after the app's), so a guest on a
 * protected route is asked to sign in before learning whether the feature is on.
 */
export function registerFlagGates(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const flags = flagsOfRoute(route.config?.flag);
    if (flags.length === 0) return;
    const gate = async (request: FastifyRequest) => {
      for (const flag of flags) {
        if (!(await app.flags.isOn(flag, flagContextOf(request)))) {
          throw new AppError(404, 'FEATURE_DISABLED', 'This feature is not available yet.', {
            flag,
          });
        }
      }
    };
    const hooks = route.onRequest === undefined ? [] : [route.onRequest].flat();
    route.onRequest = [...hooks, gate as onRequestHookHandler];
  });
}

function flagContextOf(request: FastifyRequest) {
  const { caller } = request;
  const user = caller?.kind === 'user' ? caller : null;
  const params = request.params as { makerspaceId?: string } | undefined;
  return {
    ...(user ? { userId: user.userId, roles: user.realmRoles } : {}),
    ...(params?.makerspaceId ? { makerspaceId: params.makerspaceId } : {}),
  };
}
