import { z } from '@hono/zod-openapi'
import type { ZodError } from 'zod'

/** One problem of a request: where (`values[3].value`) and why. */
export interface ErrorDetail {
  path: string
  message: string
  [extra: string]: unknown
}

/**
 * The one error type of the HTTP layer. Rendered as
 * `{ error: { code, message, details: [{ path, message }] } }` with its status.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'org unit 42 does not exist')
 */
export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500
  readonly code: string
  readonly details: ErrorDetail[]
  /** Response headers that go with the error, e.g. `Retry-After` of a 429. */
  readonly headers: Record<string, string>

  constructor(
    status: ApiError['status'],
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.headers = headers
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, details: this.details } }
  }
}

/** A 400 listing every invalid field. */
export function invalid(details: ErrorDetail[], message = 'the request is invalid'): ApiError {
  return new ApiError(
    400,
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
export function fromZodError(error: ZodError, where?: string): ApiError {
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
