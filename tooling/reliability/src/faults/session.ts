/** A signed-in client of a running server: the demo admin's session, as a browser would hold it. */
export async function signIn(base: string, login = 'admin', password = 'demo') {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const headers = { cookie, origin: base }
  return {
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${base}${path}`, { headers })
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`)
      return (await r.json()) as T
    },
    async getBytes(path: string): Promise<Uint8Array> {
      const r = await fetch(`${base}${path}`, { headers })
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`)
      return new Uint8Array(await r.arrayBuffer())
    },
    /** Sends a write; resolves with status and body, or rejects when the connection dies. */
    async send(method: string, path: string, body: object | FormData): Promise<{ status: number; body: unknown }> {
      const form = body instanceof FormData
      const r = await fetch(`${base}${path}`, {
        method,
        headers: form ? headers : { ...headers, 'content-type': 'application/json' },
        body: form ? body : JSON.stringify(body),
      })
      const text = await r.text()
      return { status: r.status, body: text ? JSON.parse(text) : null }
    },
  }
}

export type Session = Awaited<ReturnType<typeof signIn>>
