import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { DomainError } from '../errors.ts'

/** The environment variable holding the personal-data key: 32 random bytes, base64 or hex. */
export const PD_KEY_VARIABLE = 'PROFMON_PD_KEY'

/**
 * Set (to `1`) by the demo start only, never by a deployment: without {@link PD_KEY_VARIABLE}
 * the registry then uses a fixed development key, as it does under `NODE_ENV=test`.
 */
export const PD_DEV_KEY_VARIABLE = 'PROFMON_PD_DEV_KEY'

interface PdKeys {
  /** AES-256-GCM key of SNILS at rest. */
  enc: Buffer
  /** HMAC-SHA256 key of the matching hash. */
  mac: Buffer
  /** Whether this is the fixed development key (tests and the demo). */
  dev: boolean
}

let cached: { source: string; keys: PdKeys } | undefined

function parseKey(text: string): Buffer | undefined {
  const t = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    if (b.length === 32) return b
  }
  return undefined
}

function derive(master: Buffer, dev: boolean): PdKeys {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32))
  return { enc: sub('profmon personal data encryption'), mac: sub('profmon personal data matching'), dev }
}

/**
 * The personal-data keys from the environment, or a clear 500 naming what to set. The fixed
 * development key is used only under `NODE_ENV=test` or when the demo start asked for it.
 *
 * @example
 * pdKeys({ PROFMON_PD_KEY: '00'.repeat(32) }).dev // false
 */
export function pdKeys(env: NodeJS.ProcessEnv = process.env): PdKeys {
  const configured = env[PD_KEY_VARIABLE]
  const dev = !configured && (env.NODE_ENV === 'test' || env[PD_DEV_KEY_VARIABLE] === '1')
  const source = configured ? `key:${configured}` : dev ? 'dev' : 'none'
  if (cached?.source === source) return cached.keys
  let keys: PdKeys
  if (configured) {
    const master = parseKey(configured)
    if (!master)
      throw new DomainError(
        'internal',
        'pd_key_invalid',
        `${PD_KEY_VARIABLE} must be 32 random bytes written as 64 hex digits or base64`,
      )
    keys = derive(master, false)
  } else if (dev) {
    keys = derive(
      createHash('sha256').update('profmon development personal-data key: never in production').digest(),
      true,
    )
  } else
    throw new DomainError(
      'internal',
      'pd_key_missing',
      `the teacher registry stores personal data encrypted and needs ${PD_KEY_VARIABLE} (32 random bytes as 64 hex digits or base64) in the server's environment`,
    )
  cached = { source, keys }
  return keys
}

/**
 * Encrypts a normalised SNILS (11 digits) with AES-256-GCM: base64 of iv (12) | tag (16) | data.
 *
 * @example
 * decryptSnils(encryptSnils('11223344595')) // '11223344595'
 */
export function encryptSnils(snils: string, keys = pdKeys()): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv)
  const data = Buffer.concat([cipher.update(snils, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')
}

/** Decrypts {@link encryptSnils}'s output; throws on a tampered value or another key. */
export function decryptSnils(enc: string, keys = pdKeys()): string {
  const raw = Buffer.from(enc, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', keys.enc, raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}

/**
 * The keyed matching hash of a normalised SNILS (HMAC-SHA256, hex): equal SNILS, equal hash;
 * without the key it cannot be reversed by trying the 10⁹ possible numbers.
 *
 * @example
 * snilsHash('11223344595') === snilsHash('11223344595') // true
 */
export function snilsHash(snils: string, keys = pdKeys()): string {
  return createHmac('sha256', keys.mac).update(snils).digest('hex')
}
