import { createHash, randomBytes } from 'node:crypto'

/**
 * A new secret for a session cookie or an API token: 32 random bytes, base64url. Only its
 * sha-256 is stored — enough for a high-entropy secret (no salt or slow hash needed), and a
 * copy of the database opens no session.
 *
 * @example
 * const { token, hash } = newSecret('pm_') // token → the client once; hash → the database
 */
export function newSecret(prefix = ''): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url')
  return { token, hash: hashSecret(token) }
}

/** The stored form of a secret. */
export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
