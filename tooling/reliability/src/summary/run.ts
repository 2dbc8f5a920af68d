/**
 * `pnpm test:reliability`: every package's reliability suite through turbo (the packages'
 * `*.reliability.test.ts` and this package's child-process suite), then one summary block of
 * what the tests recorded: requests served, p99 per route group, server errors, lost writes,
 * faults injected and survived, hostile inputs tried per family. Exits with turbo's status.
 * Arguments go to turbo (CI: `--filter=@profmon/reliability`, the packages' reliability tests
 * having run in `pnpm test` with the same PROFMON_RELIABILITY_RECORDS, whose records are kept).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../server-process.ts'
import { summarize } from './summarize.ts'

const given = process.env.PROFMON_RELIABILITY_RECORDS
const dir = given ? undefined : mkdtempSync(join(tmpdir(), 'profmon-reliability-'))
const records = given ?? join(dir!, 'records.jsonl')
if (!given) writeFileSync(records, '')
const turbo = spawnSync(
  'turbo',
  ['run', '--ui=stream', 'test:reliability', '--concurrency=1', ...process.argv.slice(2)],
  {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, PROFMON_RELIABILITY_RECORDS: records, TURBO_TELEMETRY_DISABLED: '1' },
  },
)
const lines = readFileSync(records, 'utf8').split('\n').filter(Boolean)
if (dir) rmSync(dir, { recursive: true, force: true })
const { text, clean } = summarize(lines.map((l) => JSON.parse(l)))
console.log(text)
process.exit(turbo.status !== 0 ? (turbo.status ?? 1) : clean ? 0 : 1)
