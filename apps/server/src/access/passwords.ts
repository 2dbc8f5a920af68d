import { randomInt } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/** Bounds of a password someone chooses; the upper one keeps hashing cheap to refuse. */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 256

/**
 * Hashes a password with argon2id (the library's defaults: 19 MiB, 2 passes — OWASP's
 * recommendation); the salt and parameters travel inside the hash string.
 *
 * @example
 * await hashPassword('correct horse') // '$argon2id$v=19$m=19456,t=2,p=1$…'
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// A real hash of a random password: verifying against it costs what a real check costs, so an
// unknown login answers as slowly as a known one (no user enumeration by timing).
let decoy: Promise<string> | undefined

/** Checks a password against a stored hash; without a hash, spends the same time and says no. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false
  if (stored === undefined) {
    decoy ??= hashPassword(generatePassword())
    await verify(await decoy, password).catch(() => false)
    return false
  }
  return verify(stored, password).catch(() => false)
}

// No 0/O, 1/l/I: generated passwords are read off a screen and typed.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random password of 16 characters (~93 bits), for admins who do not choose one. */
export function generatePassword(length = 16): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}

/** Why a new password is refused, or undefined. */
export function passwordProblem(password: string, login: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `at least ${PASSWORD_MIN} characters`
  if (password.length > PASSWORD_MAX) return `at most ${PASSWORD_MAX} characters`
  if (password.toLowerCase() === login.toLowerCase()) return 'must differ from the login'
  return undefined
}
