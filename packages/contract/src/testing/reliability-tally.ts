import { appendFileSync } from 'node:fs'

/**
 * Counts the hostile inputs a reliability test tries, for the closing summary of
 * `pnpm test:reliability` (which names the records file in PROFMON_RELIABILITY_RECORDS; without
 * it nothing is written). `flush()` in the test's afterAll; a crash fails the test itself.
 *
 * @example
 * const tried = reliabilityTally('path traversal', 'pglite')
 * tried.add()
 * tried.flush() // in the test's afterAll
 */
export function reliabilityTally(family: string, engine: string) {
  let tried = 0
  return {
    add(n = 1) {
      tried += n
    },
    flush() {
      const file = process.env.PROFMON_RELIABILITY_RECORDS
      if (file) appendFileSync(file, JSON.stringify({ kind: 'hostile', engine, family, tried, crashes: 0 }) + '\n')
    },
  }
}

/**
 * Records a fault a reliability test injected and the server survived (call it when the test has
 * passed its checks).
 *
 * @example
 * reliabilityFault('PostgreSQL away and back', 'postgres')
 */
export function reliabilityFault(name: string, engine: string): void {
  const file = process.env.PROFMON_RELIABILITY_RECORDS
  if (file) appendFileSync(file, JSON.stringify({ kind: 'fault', engine, name, survived: true }) + '\n')
}
