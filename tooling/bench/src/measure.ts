/** Median wall time in ms of `runs` calls of `fn`, after one warm-up call. */
export async function medianMs(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return median(times)
}

/**
 * Measures ours and the baseline alternately (so both see the same cache and machine state) and
 * prints the house benchmark line: `<name>: <ours> ms vs <baseline> ms, ratio <x>`. `prepare`, if
 * given, runs before every call (the warm-up ones too), outside the timing.
 */
export async function compare(
  name: string,
  ours: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  runs = 5,
  prepare: () => Promise<void> = async () => {},
) {
  await prepare()
  await ours()
  await prepare()
  await baseline()
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    await prepare()
    let t = performance.now()
    await ours()
    a.push(performance.now() - t)
    await prepare()
    t = performance.now()
    await baseline()
    b.push(performance.now() - t)
  }
  const o = median(a)
  const base = median(b)
  console.log(`${name}: ${o.toFixed(1)} ms vs ${base.toFixed(1)} ms, ratio ${(o / base).toFixed(2)}`)
  return { ours: o, baseline: base, ratio: o / base }
}

/** The median of `xs` (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
