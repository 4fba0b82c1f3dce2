import { z } from 'zod';

/** base64url, as WebAuthn's JSON encodes bytes. */
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'base64url');

/** A passkey of the signed-in user, as the account page lists it. */
export const passkey = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Synced to the user's other devices by their password manager or platform. */
  backedUp: z.boolean(),
  deviceType: z.enum(['singleDevice', 'multiDevice']),
});
export type Passkey = z.infer<typeof passkey>;

export const passkeyList = z.object({ items: z.array(passkey) });
export type PasskeyList = z.infer<typeof passkeyList>;

export const passkeyName = z.string().trim().min(1, 'Give the passkey a name.').max(60);

/** WebAuthn's creation options (PublicKeyCredentialCreationOptionsJSON), passed through. */
export const passkeyRegistrationOptions = z.looseObject({
  challenge: z.string(),
  rp: z.looseObject({ name: z.string(), id: z.string().optional() }),
  user: z.looseObject({ id: z.string(), name: z.string(), displayName: z.string() }),
});

/** What `navigator.credentials.create()` answers, as @simplewebauthn/browser encodes it. */
export const passkeyRegistrationResponse = z.object({
  id: base64url(1024).min(1),
  rawId: base64url(1024).min(1),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: base64url(4096).min(1),
    attestationObject: base64url(16384).min(1),
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

export const addPasskeyBody = z.object({
  name: passkeyName,
  response: passkeyRegistrationResponse,
});
export type AddPasskeyBody = z.input<typeof addPasskeyBody>;

export const renamePasskeyBody = z.object({ name: passkeyName });

/** What `navigator.credentials.get()` answers, as @simplewebauthn/browser encodes it. */
export const passkeyAuthenticationResponse = z.object({
  id: base64url(1024).min(1),
  rawId: base64url(1024).min(1),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: base64url(4096).min(1),
    authenticatorData: base64url(4096).min(1),
    signature: base64url(1024).min(1),
    userHandle: base64url(256).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});
