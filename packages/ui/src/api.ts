/** An error answer of the profmon API: `{ error: { code, message, details } }` with its status. */
export class ApiRequestError extends Error {
  readonly status: number
  readonly code: string
  readonly details: { path: string; message: string; [k: string]: unknown }[]

  constructor(status: number, code: string, message: string, details: ApiRequestError['details'] = []) {
    super(message)
    this.name = 'ApiRequestError'
    this.status = status
    this.code = code
    this.details = details
  }
}

let unauthorized: (() => void) | undefined

/** The shell registers what happens on 401 (show the login page). */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler
}

/**
 * Calls the profmon API with JSON in and out; throws {@link ApiRequestError} on an error status.
 *
 * @example
 * const periods = await api<Period[]>('GET', '/api/periods')
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  const data = text ? (JSON.parse(text) as unknown) : null
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) unauthorized?.()
    const err = (data as { error?: { code?: string; message?: string; details?: ApiRequestError['details'] } } | null)
      ?.error
    throw new ApiRequestError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? `${res.status} ${res.statusText}`,
      err?.details ?? [],
    )
  }
  return data as T
}

/** Builds a query string, repeating array values (`indicator=a&indicator=b`). */
export function query(params: Record<string, string | number | undefined | (string | number)[]>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item))
  }
  return q.toString()
}
