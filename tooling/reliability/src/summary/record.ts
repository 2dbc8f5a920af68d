import { appendFile } from 'node:fs/promises'

/**
 * One finding of the reliability suite for the closing summary of `pnpm test:reliability`:
 * appended as a JSON line to the file `PROFMON_RELIABILITY_RECORDS` names (the suite's runner
 * sets it); without it (a single test file run by hand) nothing is recorded.
 */
export type ReliabilityRecord =
  | {
      kind: 'load'
      engine: string
      seconds: number
      users: number
      requests: number
      perSecond: number
      p99: Record<string, number>
      serverErrors: number
      lostWrites: number
      peakRssMb: number | null
    }
  | { kind: 'fault'; engine: string; name: string; survived: boolean }
  | { kind: 'hostile'; engine: string; family: string; tried: number; crashes: number }

export async function recordReliability(record: ReliabilityRecord): Promise<void> {
  const file = process.env.PROFMON_RELIABILITY_RECORDS
  if (file) await appendFile(file, JSON.stringify(record) + '\n')
}
