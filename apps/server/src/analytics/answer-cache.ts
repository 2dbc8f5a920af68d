/**
 * Finished analytics answers (their JSON text) by request and data version, most recent first,
 * bounded by count and by size. Keys carry the version of what the answer read
 * (`analyticsVersion`, kept by the writing transactions themselves), so an entry is never served
 * after a write it does not contain: a write changes the version and the next request recomputes.
 *
 * @example
 * const cache = new AnswerCache()
 * const key = `${await analyticsVersion(db, region)}|${unit.id}|children|2025-26|`
 * const body = cache.get(key) ?? cache.set(key, JSON.stringify({ rows: await computeAnalytics(…) }))
 */
export class AnswerCache {
  private readonly entries = new Map<string, string>()
  private bytes = 0
  private readonly maxEntries: number
  private readonly maxBytes: number

  constructor(maxEntries = 32, maxBytes = 64 * 1024 * 1024) {
    this.maxEntries = maxEntries
    this.maxBytes = maxBytes
  }

  get(key: string): string | undefined {
    const body = this.entries.get(key)
    if (body === undefined) return undefined
    // Map order is insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key)
    this.entries.set(key, body)
    return body
  }

  /** Keeps `body` (unless it alone exceeds the size bound) and returns it. */
  set(key: string, body: string): string {
    const old = this.entries.get(key)
    if (old !== undefined) {
      this.entries.delete(key)
      this.bytes -= old.length
    }
    if (body.length > this.maxBytes) return body
    this.entries.set(key, body)
    this.bytes += body.length
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.entries.delete(k)
      this.bytes -= v.length
    }
    return body
  }

  get size(): number {
    return this.entries.size
  }
}
