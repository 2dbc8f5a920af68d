import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENGINES, ownDatabase, skippedEngine } from '../engines.ts'
import { peakRssMb, startServer, type ServerProcess } from '../server-process.ts'
import { recordReliability } from '../summary/record.ts'
import type { LoadPlan } from './plan.ts'
import { adminClient, runLoad, snapshot, verify } from './run-load.ts'

/** Seconds of load per engine: short in CI, longer on request (`LOAD_SECONDS=300 pnpm test:reliability`). */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20)

async function loadOn(engine: 'pglite' | 'postgres') {
  const dir = await mkdtemp(join(tmpdir(), 'profmon-load-'))
  const database = engine === 'postgres' ? await ownDatabase('profmon_load') : undefined
  let server: ServerProcess | undefined
  try {
    const planFile = join(dir, 'plan.json')
    server = await startServer(
      {
        LOAD_PLAN_FILE: planFile,
        ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: join(dir, 'data') }),
      },
      'tooling/reliability/src/load/load-server.ts',
    )
    const plan = JSON.parse(await readFile(planFile, 'utf8')) as LoadPlan
    const get = adminClient(server.url, plan.adminToken)
    const before = await snapshot(get, plan)
    const { figures, ledger } = await runLoad(server.url, plan, SECONDS, server.child.pid)

    // The report job ordered under load finishes (the file is made in the background).
    const end = Date.now() + 180_000
    let report = { status: ledger.reportStatus, error: null as string | null }
    while (ledger.reportId !== undefined && !['done', 'failed'].includes(report.status ?? '') && Date.now() < end) {
      report = await get(`/api/reports/${ledger.reportId}`)
      if (!['done', 'failed'].includes(report.status ?? '')) await new Promise((r) => setTimeout(r, 500))
    }
    const outcome = await verify(get, plan, ledger, before)
    // Peak memory of the load itself (the demo seed at start peaks higher and is not the load's).
    const peakRss = figures.peakRssMb
    const peakSinceStart = await peakRssMb(server.child.pid!)

    const lines = [
      `load/${engine}: ${figures.users} signed-in users, ${figures.seconds} s, ${figures.requests} requests, ${figures.perSecond} req/s, server RSS peak ${peakRss} MB during the load (${peakSinceStart} MB since start, the demo seed included)`,
      ...Object.entries(figures.groups).map(
        ([g, f]) =>
          `  ${g.padEnd(28)} ${String(f.requests).padStart(6)} req ${String(f.perSecond).padStart(7)}/s  p50 ${f.p50} ms  p95 ${f.p95} ms  p99 ${f.p99} ms  max ${f.max} ms  ${JSON.stringify(f.statuses)}`,
      ),
      `  acknowledged writes ${figures.acknowledgedWrites}, version conflicts (409) ${figures.conflicts}, uploads ${figures.uploads}, submission moves ${figures.transitions} pairs, report ${report.status}`,
      `  server errors ${figures.serverErrors}, transport errors ${figures.transportErrors}, unexpected answers ${figures.unexpected.length}, lost writes ${outcome.lostWrites.length}, analytics mismatches ${outcome.analyticsMismatches.length}, false conflicts ${outcome.falseConflicts.length}, lost documents ${outcome.lostDocuments.length}, lost transitions ${outcome.lostTransitions.length}`,
    ]
    console.log(lines.join('\n'))
    await recordReliability({
      kind: 'load',
      engine,
      seconds: figures.seconds,
      users: figures.users,
      requests: figures.requests,
      perSecond: figures.perSecond,
      p99: Object.fromEntries(Object.entries(figures.groups).map(([g, f]) => [g, f.p99])),
      serverErrors: figures.serverErrors,
      lostWrites: outcome.lostWrites.length,
      peakRssMb: peakRss,
    })

    // The first few answers no user expected, with their group, status and body.
    expect(JSON.stringify(figures.unexpected.slice(0, 5), null, 1)).toBe('[]')
    expect(figures.serverErrors).toBe(0)
    expect(figures.transportErrors).toBe(0)
    expect(outcome.lostWrites).toEqual([])
    expect(outcome.analyticsMismatches).toEqual([])
    expect(outcome.falseConflicts).toEqual([])
    expect(outcome.lostDocuments).toEqual([])
    expect(outcome.lostTransitions).toEqual([])
    expect(figures.acknowledgedWrites).toBeGreaterThan(0)
    expect(figures.uploads).toBeGreaterThan(0)
    expect(figures.transitions).toBeGreaterThan(0)
    expect(report.status, report.error ?? '').toBe('done')
    // Bounded memory: the server of 200 users stays far below a small machine's memory.
    expect(peakRss ?? 0).toBeLessThan(1536)
  } finally {
    await server?.stop()
    await database?.drop()
    await rm(dir, { recursive: true, force: true })
  }
}

describe('load: 200 signed-in users on loopback', () => {
  for (const engine of ['pglite', 'postgres'] as const)
    it.skipIf(!ENGINES.includes(engine))(
      ENGINES.includes(engine) ? `on ${engine}: no server error, no lost update` : `on ${skippedEngine(engine)}`,
      () => loadOn(engine),
      600_000,
    )
})
