import { vi } from 'vitest'

/** A request the typed client sent, as a test reads it. */
export interface SentRequest {
  method: string
  /** Path and query, e.g. `/api/data-values?orgUnit=7`. */
  path: string
  body: unknown
}

/**
 * Stubs the global `fetch` under the typed API client for a unit test: each request takes the
 * next queued answer (an empty 200 when none is left) and is recorded as `{ method, path, body }`.
 * Undo with `vi.unstubAllGlobals()`.
 *
 * @example
 * const api = stubApi()
 * api.answer({ values: [] })
 * await entry.load([7])
 * expect(api.requests[0]).toEqual({ method: 'GET', path: '/api/data-values?orgUnit=7&period=2025-26&plugin=d', body: undefined })
 */
export function stubApi() {
  const requests: SentRequest[] = []
  const answers: (() => Response)[] = []
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url)
    const text = await request.text()
    requests.push({
      method: request.method,
      path: url.pathname + url.search,
      body: text ? JSON.parse(text) : undefined,
    })
    return (answers.shift() ?? (() => json(200, {})))()
  })
  return {
    requests,
    /** The last request sent. */
    last: () => requests.at(-1),
    /** Queues a success answer. */
    answer(body: unknown, status = 200) {
      answers.push(() => json(status, body))
    },
    /** Queues an error answer in the API's one error shape. */
    fail(status: number, code: string, message: string, details: Record<string, unknown>[] = []) {
      answers.push(() => json(status, { error: { code, message, details } }))
    },
  }
}
