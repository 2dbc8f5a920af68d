import autocannon from 'autocannon'
import { rssMb } from '../server-process.ts'
import type { LoadPlan } from './plan.ts'
import { LOAD_PERIOD } from './plan.ts'
import { DENOMINATOR, Ledger, NUMERATOR, SHARE, virtualUser, WRITTEN, type VirtualUser } from './users.ts'

export interface GroupFigures {
  requests: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Answers by status class: 2xx, 4xx, 5xx. */
  statuses: Record<string, number>
}

export interface LoadFigures {
  seconds: number
  users: number
  requests: number
  perSecond: number
  groups: Record<string, GroupFigures>
  serverErrors: number
  transportErrors: number
  unexpected: Ledger['unexpected']
  acknowledgedWrites: number
  conflicts: number
  uploads: number
  transitions: number
  /** The server's largest resident memory sampled during the run (MB). */
  peakRssMb: number | null
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0
const ms = (x: number) => Math.round(x * 10) / 10

/**
 * Drives the plan's 200 signed-in users against `base` with autocannon, one connection each, for
 * `seconds` (sampling the server's resident memory every 200 ms when `pid` is given); then lets every request in flight finish (users only check health after the deadline)
 * and stops. Returns the figures per route group and the ledger of what was acknowledged.
 */
export async function runLoad(base: string, plan: LoadPlan, seconds: number, pid?: number) {
  const ledger = new Ledger()
  const users = plan.users.map((u) => virtualUser(u, ledger, plan, base))
  const byClient = new WeakMap<object, VirtualUser>()
  const latencies = new Map<string, number[]>()
  const statuses = new Map<string, Record<string, number>>()
  let transportErrors = 0
  let assigned = 0
  const started = Date.now()
  const deadline = started + seconds * 1000

  const instance = autocannon(
    {
      url: base,
      connections: users.length,
      // An upper bound only: the run is stopped once every user has drained after the deadline.
      duration: seconds + 300,
      timeout: 120,
      setupClient(client) {
        const user = users[assigned++ % users.length]!
        byClient.set(client, user)
        // Think time: a person reads the answer before the next click. autocannon has no pause
        // per connection, so the client's next send (a method of its own, pinned with the
        // lockfile) is put off by the user's think time.
        const paced = client as unknown as { _doRequest(): void; destroyed: boolean }
        const send = paced._doRequest.bind(paced)
        paced._doRequest = () => {
          const wait = user.thinkMs(deadline)
          if (wait <= 0) return send()
          setTimeout(() => {
            if (!paced.destroyed) send()
          }, wait)
        }
        client.setRequests([
          {
            setupRequest: (req: object) => ({ ...req, ...user.request(deadline) }),
            onResponse: (status: number, body: string) => user.response(status, body),
          } as unknown as autocannon.Request,
        ])
      },
    },
    () => {},
  )
  instance.on('response', (client, status, _bytes, responseTime) => {
    const user = byClient.get(client)
    const group = user?.current?.group
    if (!group || group === 'idle') return
    const list = latencies.get(group) ?? []
    list.push(responseTime)
    latencies.set(group, list)
    const counts = statuses.get(group) ?? {}
    const cls = `${Math.floor(status / 100)}xx`
    counts[cls] = (counts[cls] ?? 0) + 1
    statuses.set(group, counts)
  })
  instance.on('reqError', () => {
    transportErrors++
  })

  let peakRssMb = 0
  const sampler = setInterval(() => {
    if (pid) void rssMb(pid).then((mb) => (peakRssMb = Math.max(peakRssMb, mb ?? 0)))
  }, 200)
  const drained = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (Date.now() < deadline) return
      if (users.every((u) => !u.busy || u.current?.group === 'idle') || Date.now() > deadline + 280_000) {
        clearInterval(timer)
        resolve()
      }
    }, 50)
  })
  const done = new Promise<void>((resolve) => instance.once('done', () => resolve()))
  await drained
  const elapsed = (Date.now() - started) / 1000
  instance.stop()
  await done
  clearInterval(sampler)

  const groups: Record<string, GroupFigures> = {}
  let requests = 0
  for (const [group, list] of [...latencies].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a - b)
    requests += sorted.length
    groups[group] = {
      requests: sorted.length,
      perSecond: ms(sorted.length / elapsed),
      p50: ms(percentile(sorted, 50)),
      p95: ms(percentile(sorted, 95)),
      p99: ms(percentile(sorted, 99)),
      max: ms(sorted.at(-1) ?? 0),
      statuses: statuses.get(group) ?? {},
    }
  }
  const figures: LoadFigures = {
    seconds: ms(elapsed),
    users: users.length,
    requests,
    perSecond: ms(requests / elapsed),
    groups,
    serverErrors: Object.values(groups).reduce((n, g) => n + (g.statuses['5xx'] ?? 0), 0),
    transportErrors,
    unexpected: ledger.unexpected,
    acknowledgedWrites: [...ledger.acks.values()].reduce((n, l) => n + l.length, 0),
    conflicts: ledger.conflicts.length,
    uploads: [...ledger.documents.values()].reduce((n, l) => n + l.length, 0),
    transitions: ledger.states.size,
    peakRssMb: pid ? peakRssMb : null,
  }
  return { figures, ledger }
}

/** A GET as the platform admin; throws on anything but 200. */
export function adminClient(base: string, token: string) {
  return async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers: { cookie: `profmon_session=${token}` } })
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
}

type Values = { values: { element: string; option: string | null; value: number; version: number }[] }
type Rows = { rows: { orgUnit: number; option: string | null; numerator: number | null; denominator: number | null }[] }

/** The written schools' share numerators per municipality, read before the run. */
export async function snapshot(get: ReturnType<typeof adminClient>, plan: LoadPlan) {
  const rows = await get<Rows>(
    `/api/analytics?orgUnit=${plan.regionId}&period=${LOAD_PERIOD}&level=children&indicator=${SHARE}`,
  )
  const values = new Map<number, Record<string, number>>()
  for (const school of writerSchools(plan)) values.set(school, await ownValues(get, school))
  return { municipalities: totals(rows), values }
}

const writerSchools = (plan: LoadPlan) => [
  ...new Set(plan.users.filter((u) => u.kind === 'writer').map((u) => u.orgUnit)),
]
const totals = (r: Rows) =>
  new Map(
    r.rows.filter((x) => x.option === null).map((x) => [x.orgUnit, { num: x.numerator ?? 0, den: x.denominator ?? 0 }]),
  )

async function ownValues(get: ReturnType<typeof adminClient>, school: number) {
  const { values } = await get<Values>(`/api/data-values?orgUnit=${school}&period=${LOAD_PERIOD}&plugin=deficits`)
  return Object.fromEntries(
    WRITTEN.flatMap((e) => {
      const v = values.find((x) => x.element === e && x.option === null)
      return v
        ? [
            [e, v.value],
            [`${e}@version`, v.version],
          ]
        : []
    }),
  ) as Record<string, number>
}

export interface Outcome {
  /** Acknowledged writes whose value is not what the database holds (newest per key). */
  lostWrites: string[]
  /** Schools or municipalities whose analytics disagree with the stored values. */
  analyticsMismatches: string[]
  /** 409s that were not a version conflict with a write that really happened. */
  falseConflicts: string[]
  lostDocuments: string[]
  lostTransitions: string[]
}

/**
 * After the run: every acknowledged write is in the database (the newest version of each value is
 * the newest acknowledged one) and in the analytics (each school's share, and each municipality's
 * sums moved by exactly the written schools' changes); every 409 names a newer version that an
 * acknowledged write made; every acknowledged document and submission state is there.
 */
export async function verify(
  get: ReturnType<typeof adminClient>,
  plan: LoadPlan,
  ledger: Ledger,
  before: Awaited<ReturnType<typeof snapshot>>,
): Promise<Outcome> {
  const out: Outcome = {
    lostWrites: [],
    analyticsMismatches: [],
    falseConflicts: [],
    lostDocuments: [],
    lostTransitions: [],
  }
  const after = new Map<number, Record<string, number>>()
  const schoolMunicipality = new Map(plan.municipalities.flatMap((m) => m.schools.map((s) => [s, m.id] as const)))
  const moved = new Map<number, { num: number; den: number }>()
  for (const school of writerSchools(plan)) {
    const stored = await ownValues(get, school)
    after.set(school, stored)
    for (const e of WRITTEN) {
      const key = `${school}|${e}`
      const acks = ledger.acks.get(key) ?? []
      if (!acks.length) continue
      const newest = acks.reduce((a, b) => (b.version > a.version ? b : a))
      const version = stored[`${e}@version`] ?? 0
      const ok = ledger.unanswered.has(key)
        ? version >= newest.version
        : version === newest.version && stored[e] === newest.value
      if (!ok)
        out.lostWrites.push(`${key}: stored ${stored[e]} v${version}, acknowledged ${newest.value} v${newest.version}`)
    }
    const rows = await get<Rows>(`/api/analytics?orgUnit=${school}&period=${LOAD_PERIOD}&level=self&indicator=${SHARE}`)
    const own = rows.rows.find((r) => r.option === null)
    if (
      (own?.numerator ?? null) !== (stored[NUMERATOR] ?? null) ||
      (own?.denominator ?? null) !== (stored[DENOMINATOR] ?? null)
    )
      out.analyticsMismatches.push(
        `school ${school}: analytics ${own?.numerator}/${own?.denominator}, stored ${stored[NUMERATOR]}/${stored[DENOMINATOR]}`,
      )
    const was = before.values.get(school) ?? {}
    const m = schoolMunicipality.get(school)!
    const d = moved.get(m) ?? { num: 0, den: 0 }
    d.num += (stored[NUMERATOR] ?? 0) - (was[NUMERATOR] ?? 0)
    d.den += (stored[DENOMINATOR] ?? 0) - (was[DENOMINATOR] ?? 0)
    moved.set(m, d)
  }
  const now = totals(
    await get<Rows>(`/api/analytics?orgUnit=${plan.regionId}&period=${LOAD_PERIOD}&level=children&indicator=${SHARE}`),
  )
  for (const [m, was] of before.municipalities) {
    const d = moved.get(m) ?? { num: 0, den: 0 }
    const is = now.get(m)
    if (is?.num !== was.num + d.num || is?.den !== was.den + d.den)
      out.analyticsMismatches.push(
        `municipality ${m}: analytics ${is?.num}/${is?.den}, expected ${was.num + d.num}/${was.den + d.den}`,
      )
  }
  for (const c of ledger.conflicts) {
    const body = JSON.parse(c.body) as {
      error: { code: string; details: { path: string; current?: { value: number; version: number } }[] }
    }
    const real =
      body.error.code === 'conflict' &&
      body.error.details.length > 0 &&
      body.error.details.every((d) => {
        const element = WRITTEN[Number(/values\[(\d+)\]/.exec(d.path)?.[1])]
        if (!element || !d.current) return false
        const made = ledger.acks.get(`${c.school}|${element}`) ?? []
        return (
          d.current.version > (c.sent[element] ?? 0) &&
          made.some((a) => a.version === d.current!.version && a.value === d.current!.value)
        )
      })
    if (!real) out.falseConflicts.push(`school ${c.school}: sent ${JSON.stringify(c.sent)}: ${c.body.slice(0, 300)}`)
  }
  for (const [school, ids] of ledger.documents) {
    const { documents } = await get<{ documents: { id: number }[] }>(
      `/api/evidence?orgUnit=${school}&period=${LOAD_PERIOD}`,
    )
    const have = new Set(documents.map((d) => d.id))
    for (const id of ids) if (!have.has(id)) out.lostDocuments.push(`school ${school}: document ${id}`)
  }
  const byPlugin = new Map<string, Map<number, string>>()
  for (const u of plan.users.filter((x) => x.kind === 'approver')) {
    const view = await get<{ children: { orgUnit: number; state: string }[] }>(
      `/api/submissions?orgUnit=${u.orgUnit}&period=${LOAD_PERIOD}&plugin=${u.plugin}`,
    )
    const states = byPlugin.get(u.plugin!) ?? new Map()
    for (const c of view.children) states.set(c.orgUnit, c.state)
    byPlugin.set(u.plugin!, states)
  }
  for (const [key, state] of ledger.states) {
    const [school, plugin] = key.split('|')
    const stored = byPlugin.get(plugin!)?.get(Number(school))
    if (stored !== state) out.lostTransitions.push(`${key}: stored ${stored}, acknowledged ${state}`)
  }
  return out
}
