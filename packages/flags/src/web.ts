/**
 * `@makrx/flags/web`: the OpenFeature provider of the browser apps. It asks the auth service
 * to evaluate every flag for the signed-in user (GET /api/v1/flags/evaluate), keeps the
 * answers, and asks again every few seconds and whenever the evaluation context changes, so a
 * flag turned off by an admin changes an open page within seconds. Browser code: no Node
 * modules, no zod.
 */
import {
  ErrorCode,
  OpenFeatureEventEmitter,
  ProviderEvents,
  StandardResolutionReasons,
  TypeMismatchError,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/web-sdk';

export interface WebFlagProviderOptions {
  /** The auth service's base URL (runtime config `authApiUrl`). */
  authApiUrl: string;
  /** The signed-in user's access token, or null for a guest; asked before every request. */
  accessToken?: () => Promise<string | null> | string | null;
  /** How often the flags are asked again; 5 s by default. */
  pollIntervalMs?: number;
  /** How long one request may take before it counts as failed; 5 s by default. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

type Evaluations = Record<string, boolean>;

function isEvaluations(body: unknown): body is { flags: Evaluations } {
  const flags = (body as { flags?: unknown } | null)?.flags;
  return (
    typeof flags === 'object' &&
    flags !== null &&
    Object.values(flags).every((value) => typeof value === 'boolean')
  );
}

/**
 * Evaluation context: `makerspaceId` evaluates makerspace overrides for that makerspace;
 * `targetingKey` names the user only so that a sign-in or sign-out counts as a context change
 * (the service reads who it is, and their roles, from the bearer token).
 */
export class MakrxWebFlagProvider implements Provider {
  readonly metadata = { name: 'makrx-flags-web' } as const;
  readonly runsOn = 'client' as const;
  readonly events = new OpenFeatureEventEmitter();

  private flags: Evaluations | undefined;
  private context: EvaluationContext = {};
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Answers to older requests never overwrite newer ones (a poll racing a context change). */
  private requested = 0;
  private applied = 0;
  private initializing = false;

  constructor(private readonly options: WebFlagProviderOptions) {}

  async initialize(context: EvaluationContext = {}): Promise<void> {
    this.context = context;
    this.startPolling();
    this.initializing = true;
    try {
      await this.refresh();
    } finally {
      this.initializing = false;
    }
  }

  async onContextChange(_old: EvaluationContext, next: EvaluationContext): Promise<void> {
    this.context = next;
    await this.refresh();
  }

  async onClose(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Asks the service now; emits ConfigurationChanged with the keys whose value changed. */
  async refresh(): Promise<void> {
    const request = ++this.requested;
    let next: Evaluations;
    try {
      next = await this.fetchEvaluations(this.context);
    } catch (error) {
      if (request < this.requested) return;
      // The last answers stay in force while the service cannot be reached.
      if (this.flags === undefined) throw error;
      return;
    }
    if (request < this.applied) return;
    this.applied = request;
    const previous = this.flags;
    this.flags = next;
    if (previous === undefined) {
      // The first answers after a failed start: the SDK leaves its error state.
      if (!this.initializing) this.events.emit(ProviderEvents.Ready);
      return;
    }
    const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
    const flagsChanged = [...keys].filter((key) => previous[key] !== next[key]);
    if (flagsChanged.length > 0)
      this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged });
  }

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean): ResolutionDetails<boolean> {
    const value = this.flags?.[flagKey];
    if (value === undefined) {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: this.flags ? ErrorCode.FLAG_NOT_FOUND : ErrorCode.PROVIDER_NOT_READY,
        errorMessage: this.flags ? `Unknown flag ${flagKey}` : 'The flags have not arrived yet',
      };
    }
    return { value, reason: StandardResolutionReasons.CACHED };
  }

  resolveStringEvaluation(): ResolutionDetails<string> {
    throw new TypeMismatchError('MakrX flags are boolean');
  }

  resolveNumberEvaluation(): ResolutionDetails<number> {
    throw new TypeMismatchError('MakrX flags are boolean');
  }

  resolveObjectEvaluation<T extends JsonValue>(): ResolutionDetails<T> {
    throw new TypeMismatchError('MakrX flags are boolean');
  }

  private startPolling(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => {
      this.refresh().catch(() => undefined);
    }, this.options.pollIntervalMs ?? 5000);
  }

  private async fetchEvaluations(context: EvaluationContext): Promise<Evaluations> {
    const url = new URL(`${this.options.authApiUrl.replace(/\/+$/, '')}/api/v1/flags/evaluate`);
    const makerspaceId = context['makerspaceId'];
    if (typeof makerspaceId === 'string') url.searchParams.set('makerspaceId', makerspaceId);
    const token = (await this.options.accessToken?.()) ?? null;
    const send = this.options.fetch ?? fetch;
    const response = await send(url, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
      // A service that does not answer must not hold the app's first render for long.
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 5000),
    });
    if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}`);
    const body: unknown = await response.json();
    if (!isEvaluations(body)) throw new Error(`GET ${url.pathname} answered no flags`);
    return body.flags;
  }
}

/** The OpenFeature API the apps ask flags through, with the provider above. */
export { OpenFeature, ProviderEvents } from '@openfeature/web-sdk';
export type { EvaluationContext } from '@openfeature/web-sdk';
