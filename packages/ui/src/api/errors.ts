import type { ApiErrorBody } from './types.ts'

/** An error answer of the profmon API: `{ error: { code, message, details } }` with its status. */
export class ApiRequestError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ApiErrorBody['error']['details']

  constructor(status: number, code: string, message: string, details: ApiRequestError['details'] = []) {
    super(message)
    this.name = 'ApiRequestError'
    this.status = status
    this.code = code
    this.details = details
  }
}

let unauthorized: (() => void) | undefined

/**
 * The shell registers what happens on 401 (show the login page).
 *
 * @example
 * onUnauthorized(() => router.push('/login'))
 */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler
}

/**
 * Turns an error answer into an {@link ApiRequestError}; a 401 outside `/api/auth/` (where it
 * means "wrong password" or "not signed in yet") first calls the registered handler.
 *
 * @example
 * if (!res.ok) throw await errorOf(res, '/api/evidence')
 */
export async function errorOf(res: Response, path: string): Promise<ApiRequestError> {
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (res.status === 401 && !path.startsWith('/api/auth/')) unauthorized?.()
  // An error status may come from a proxy in front, not the API: fall back field by field.
  const err = (body as Partial<ApiErrorBody> | null)?.error
  return new ApiRequestError(
    res.status,
    err?.code ?? 'http_error',
    err?.message ?? `${res.status} ${res.statusText}`,
    err?.details ?? [],
  )
}
