import { EncryptJWT, jwtDecrypt } from 'jose';

const encoder = new TextEncoder();
const derivedKeys = new Map<string, Promise<Uint8Array>>();

/** A 256-bit key derived from the operator's secret, whatever its length or alphabet. */
function keyFrom(secret: string): Promise<Uint8Array> {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits'])
      .then((material) =>
        crypto.subtle.deriveBits(
          {
            name: 'HKDF',
            hash: 'SHA-256',
            salt: encoder.encode('makrx-store'),
            info: encoder.encode('cookie encryption'),
          },
          material,
          256,
        ),
      )
      .then((bits) => new Uint8Array(bits));
    derivedKeys.set(secret, key);
  }
  return key;
}

export interface SealOptions {
  secret: string;
  /** What the value is for; a value sealed for one purpose does not open for another. */
  purpose: string;
  expiresInSeconds: number;
}

/** Encrypts and authenticates `data` (JWE, dir + A256GCM), for a cookie the browser cannot read. */
export async function seal(data: object, { secret, purpose, expiresInSeconds }: SealOptions) {
  return new EncryptJWT({ data })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setAudience(purpose)
    .setIssuedAt()
    .setExpirationTime(`${expiresInSeconds}s`)
    .encrypt(await keyFrom(secret));
}

/** The sealed data, or null when it was tampered with, expired, or sealed for something else. */
export async function unseal<T>(
  sealed: string | undefined,
  { secret, purpose }: Omit<SealOptions, 'expiresInSeconds'>,
): Promise<T | null> {
  if (!sealed) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, await keyFrom(secret), {
      audience: purpose,
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return (payload.data as T | undefined) ?? null;
  } catch {
    return null;
  }
}
