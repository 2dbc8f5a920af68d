import { z } from '@hono/zod-openapi'
import type { ZodError } from 'zod'

/** One problem of a request: where (`values[3].value`) and why. */
export interface ErrorDetail {
  path: string
  message: string
  [extra: string]: unknown
}

/**
 * What went wrong, in the domain's words. Services throw a {@link DomainError} of a kind; the
 * HTTP layer alone (`httpStatusOf`, used by the app's one `onError`) knows which status that is.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited'
  | 'internal'

const HTTP_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<ErrorKind, number>

/** The HTTP status of an error kind: the one place where domain errors become HTTP. */
export function httpStatusOf(kind: ErrorKind): (typeof HTTP_STATUS)[ErrorKind] {
  return HTTP_STATUS[kind]
}

/**
 * The one error type of the server: a kind (what went wrong), a stable code (`locked`,
 * `deadline_passed`, `invalid_request`…), a message and the fields concerned. Rendered as
 * `{ error: { code, message, details: [{ path, message }] } }` with the kind's HTTP status.
 *
 * @example
 * throw new DomainError('not_found', 'not_found', 'org unit 42 does not exist')
 */
export class DomainError extends Error {
  readonly kind: ErrorKind
  readonly code: string
  readonly details: ErrorDetail[]
  /** Response headers that go with the error, e.g. `Retry-After` of a rate limit. */
  readonly headers: Record<string, string>

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'DomainError'
    this.kind = kind
    this.code = code
    this.details = details
    this.headers = headers
  }

  /** The HTTP status of the error's kind. */
  get status() {
    return httpStatusOf(this.kind)
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, details: this.details } }
  }
}

/**
 * A 404 naming what is missing and the field that named it.
 *
 * @example
 * throw notFound(`org unit ${id} does not exist`, 'orgUnit')
 */
export function notFound(message: string, path?: string): DomainError {
  return new DomainError('not_found', 'not_found', message, path ? [{ path, message }] : [])
}

/**
 * A refusal for the caller's roles or org tree.
 *
 * @example
 * throw forbidden(`org unit ${id} is outside your org tree`, 'orgUnit')
 */
export function forbidden(message: string, path?: string): DomainError {
  return new DomainError('forbidden', 'forbidden', message, path ? [{ path, message }] : [])
}

/** A 400 listing every invalid field. */
export function invalid(details: ErrorDetail[], message = 'the request is invalid'): DomainError {
  return new DomainError(
    'invalid',
    'invalid_request',
    `${message}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    details,
  )
}

/** `values.3.value` → `values[3].value`, the way the error details name fields. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  )
}

/** Turns a zod error into a 400 naming each field. */
export function fromZodError(error: ZodError, where?: string): DomainError {
  return invalid(
    error.issues.map((i) => ({
      path: formatPath(where ? [where, ...i.path] : i.path) || '(body)',
      message: i.message,
    })),
  )
}

/** OpenAPI schema of every error response. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() }).passthrough()),
    }),
  })
  .openapi('Error')

/** Response entries for the usual error statuses of a route. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  const descriptions = {
    400: 'Invalid input',
    401: 'Not signed in, or the session or token expired',
    403: 'Outside your org tree, or not allowed to your roles',
    404: 'Not found',
    409: 'Conflict',
    429: 'Too many failed attempts; see Retry-After',
  }
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s], content: { 'application/json': { schema: errorSchema } } },
    ]),
  )
}

// SQLSTATE class 08 (connection exception), shutdowns, "cannot connect now", too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])

/**
 * Whether an error means the database cannot be reached right now (PostgreSQL restarting, the
 * network away, the pool timed out connecting), as opposed to a bug: answered 503 with
 * `Retry-After`, and the next request tries again.
 *
 * @example
 * isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) // true
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true
    if (
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true
  }
  return false
}

/**
 * Whether an error means the database's disk is full (SQLSTATE 53100 `disk_full`, or the file
 * system's ENOSPC: "could not extend file …: No space left on device"): the statement wrote
 * nothing, and the server answers 507 saying so instead of a bare 500.
 *
 * @example
 * isDiskFull(Object.assign(new Error('could not extend file "base/5/1": No space left on device'), { code: '53100' })) // true
 */
export function isDiskFull(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (code === '53100' || code === 'ENOSPC' || /No space left on device/i.test(e.message)) return true
  }
  return false
}
