/** A tiny HTTP client with a cookie jar, like a browser tab: it keeps what `Set-Cookie` gives. */
export class Session {
  readonly #cookies = new Map<string, string>()
  readonly base: string

  constructor(base: string) {
    this.base = base
  }

  /** The same cookies, sent to another address (another replica directly, bypassing the proxy). */
  at(base: string): Session {
    const other = new Session(base)
    for (const [k, v] of this.#cookies) other.#cookies.set(k, v)
    return other
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name)
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {}
    if (this.#cookies.size) headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      this.#cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim())
    }
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON (a proxy's error page)
    }
    return { status: res.status, body: parsed }
  }

  get(path: string) {
    return this.request('GET', path)
  }

  post(path: string, body: unknown) {
    return this.request('POST', path, body)
  }

  put(path: string, body: unknown) {
    return this.request('PUT', path, body)
  }

  async login(login: string, password: string): Promise<number> {
    return (await this.post('/api/auth/login', { login, password })).status
  }
}
