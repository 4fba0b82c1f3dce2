import { AppError } from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';

/**
 * A route behind a feature flag (`config.flag`) answers one way while the flag is off for the
 * caller: 404 FEATURE_DISABLED, as if the feature were not there yet. Runs after the guard, so
 * a guest on a protected route is asked to sign in before learning whether the feature is on.
 */
export function registerFlagGates(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const flag = request.routeOptions.config.flag;
    if (flag === undefined) return;
    const { caller } = request;
    const user = caller?.kind === 'user' ? caller : null;
    const params = request.params as { makerspaceId?: string } | undefined;
    const on = await app.flags.isOn(flag, {
      ...(user ? { userId: user.userId, roles: user.realmRoles } : {}),
      ...(params?.makerspaceId ? { makerspaceId: params.makerspaceId } : {}),
    });
    if (!on) {
      throw new AppError(404, 'FEATURE_DISABLED', 'This feature is not available yet.', { flag });
    }
  });
}
