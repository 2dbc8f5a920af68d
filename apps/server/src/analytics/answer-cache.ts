/**
 * Finished analytics answers by question and data version, most recently used first, bounded by
 * count and by an estimate of their size. Keys carry the version of what the answer read
 * (`analyticsVersion`, kept by the writing transactions themselves), so an entry is never served
 * after a write it does not contain: a write changes the version and the next request recomputes.
 *
 * @example
 * const cache = new AnswerCache<string>((body) => body.length)
 * const body = cache.get(key) ?? cache.set(key, JSON.stringify({ rows }))
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { value: T; size: number }>()
  private bytes = 0
  private readonly sizeOf: (value: T) => number
  private readonly maxEntries: number
  private readonly maxBytes: number

  constructor(sizeOf: (value: T) => number, maxEntries = 32, maxBytes = 64 * 1024 * 1024) {
    this.sizeOf = sizeOf
    this.maxEntries = maxEntries
    this.maxBytes = maxBytes
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Map order is insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }

  /** Keeps `value` (unless it alone exceeds the size bound) and returns it. */
  set(key: string, value: T): T {
    const old = this.entries.get(key)
    if (old) {
      this.entries.delete(key)
      this.bytes -= old.size
    }
    const size = this.sizeOf(value)
    if (size > this.maxBytes) return value
    this.entries.set(key, { value, size })
    this.bytes += size
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.entries.delete(k)
      this.bytes -= v.size
    }
    return value
  }
}
