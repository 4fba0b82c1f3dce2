import {
  ErrorCode,
  StandardResolutionReasons,
  TypeMismatchError,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { evaluateFlag, type FlagContext, type FlagDefinition } from './evaluate.js';

/** Where the provider reads the current flags from; called on every evaluation. */
export type FlagSource = () => readonly FlagDefinition[] | Promise<readonly FlagDefinition[]>;

function toFlagContext(context: EvaluationContext): FlagContext {
  const roles = Array.isArray(context['roles'])
    ? context['roles'].filter((role): role is string => typeof role === 'string')
    : [];
  const userId =
    context.targetingKey ?? (typeof context['userId'] === 'string' ? context['userId'] : undefined);
  const makerspaceId =
    typeof context['makerspaceId'] === 'string' ? context['makerspaceId'] : undefined;
  return {
    roles,
    ...(userId ? { userId } : {}),
    ...(makerspaceId ? { makerspaceId } : {}),
  };
}

/**
 * An OpenFeature server provider over MakrX flags. Evaluation context: `targetingKey` (or
 * `userId`) is the user id, `roles` a string array, `makerspaceId` the makerspace.
 */
export class MakrxFlagProvider implements Provider {
  readonly metadata = { name: 'makrx-flags' } as const;
  readonly runsOn = 'server' as const;

  constructor(private readonly source: FlagSource) {}

  async resolveBooleanEvaluation(
    flagKey: string,
    defaultValue: boolean,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<boolean>> {
    const flag = (await this.source()).find((candidate) => candidate.key === flagKey);
    if (!flag) {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.FLAG_NOT_FOUND,
        errorMessage: `Unknown flag ${flagKey}`,
      };
    }
    const value = evaluateFlag(flag, toFlagContext(context));
    const reason = !flag.enabled
      ? StandardResolutionReasons.DISABLED
      : flag.rolloutPercentage < 100 ||
          (flag.targeting.roles?.length ?? 0) > 0 ||
          (flag.targeting.makerspaceIds?.length ?? 0) > 0
        ? StandardResolutionReasons.TARGETING_MATCH
        : StandardResolutionReasons.STATIC;
    return { value, reason };
  }

  resolveStringEvaluation(): Promise<ResolutionDetails<string>> {
    return Promise.reject(new TypeMismatchError('MakrX flags are boolean'));
  }

  resolveNumberEvaluation(): Promise<ResolutionDetails<number>> {
    return Promise.reject(new TypeMismatchError('MakrX flags are boolean'));
  }

  resolveObjectEvaluation<T extends JsonValue>(): Promise<ResolutionDetails<T>> {
    return Promise.reject(new TypeMismatchError('MakrX flags are boolean'));
  }
}
