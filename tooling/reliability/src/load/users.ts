import { LOAD_PERIOD, type LoadPlan, type LoadUser } from './plan.ts'

/** One request a virtual user sends next. */
export interface Step {
  group: string
  method: 'GET' | 'POST'
  path: string
  body?: string | Buffer
  headers?: Record<string, string>
}

/**
 * The element pair the operators write — a share's denominator and numerator, totals (no option) —
 * both the direction's own: a core element (`core.teachers_total`) is shared with the directions
 * the coordinators approve, and an approved direction locks it.
 */
export const DENOMINATOR = 'deficits.diagnosed'
export const NUMERATOR = 'deficits.with_deficit'
export const WRITTEN = [DENOMINATOR, NUMERATOR] as const
export const SHARE = 'deficits.deficit_type_share'
const EVIDENCE = { indicator: 'mentoring.programmes_presence', document: 'mentoring.programme' }
const LEAGUE_INDICATORS = [
  'deficits.diagnosed_share',
  'deficits.iom_share',
  'deficits.targeted_pd_share',
  'expertise.engaged_share',
]

/** Everything the users were told, for the checks after the run. */
export class Ledger {
  /** `<school>|<element>` → every acknowledged write (value and the version it got). */
  readonly acks = new Map<string, { value: number; version: number }[]>()
  /** Keys with a write that got no answer (a transport error): its outcome is unknown. */
  readonly unanswered = new Set<string>()
  /** Every 409 of a batch write: the versions sent and what the server said was current. */
  readonly conflicts: { school: number; sent: Record<string, number>; body: string }[] = []
  /** Acknowledged evidence uploads per school. */
  readonly documents = new Map<number, number[]>()
  /** `<school>|<plugin>` → the state the last acknowledged transition left. */
  readonly states = new Map<string, string>()
  /** Answers no user expected (any 5xx among them), with the group and the start of the body. */
  readonly unexpected: { group: string; status: number; body: string }[] = []
  reportId: number | undefined
  reportStatus: string | undefined

  ack(school: number, element: string, value: number, version: number) {
    const key = `${school}|${element}`
    const list = this.acks.get(key) ?? []
    list.push({ value, version })
    this.acks.set(key, list)
  }
}

/** A signed-in user: says what it sends next and reads the answer. */
export abstract class VirtualUser {
  current: Step | undefined
  /** A request is out and its answer not read yet. */
  busy = false
  protected n = 0
  readonly user: LoadUser
  protected readonly ledger: Ledger
  protected readonly plan: LoadPlan
  private readonly origin: string

  constructor(user: LoadUser, ledger: Ledger, plan: LoadPlan, origin: string) {
    this.user = user
    this.ledger = ledger
    this.plan = plan
    this.origin = origin
  }

  /** Milliseconds to think before the next request: per kind, random, none after the deadline or for the first one. */
  thinkMs(deadline: number): number {
    if (Date.now() >= deadline) return 0
    const [min, max] = this.think
    // Users arrive over the first seconds, not all in one instant.
    if (this.n === 0) return Math.random() * max
    return min + Math.random() * (max - min)
  }

  /** Think time between requests, in ms (from, to). */
  protected think: [number, number] = [2000, 8000]

  /** The next request; after `deadline` only a cheap health check, so the run can drain. */
  next(deadline: number): Step {
    const step = Date.now() >= deadline ? { group: 'idle', method: 'GET' as const, path: '/api/health' } : this.step()
    this.current = step
    this.busy = true
    this.n++
    return step
  }

  /** The request as autocannon sends it, signed in with the user's session cookie. */
  request(deadline: number) {
    // Still waiting: autocannon gave up on that request (time-out, broken connection) and sends anew.
    if (this.busy) this.lost()
    const step = this.next(deadline)
    const headers: Record<string, string> = { cookie: `profmon_session=${this.user.token}`, ...step.headers }
    if (typeof step.body === 'string') headers['content-type'] = 'application/json'
    if (Buffer.isBuffer(step.body)) headers.origin = this.origin
    return { method: step.method, path: step.path, headers, body: step.body ?? Buffer.alloc(0) }
  }

  response(status: number, body: string) {
    const step = this.current!
    this.busy = false
    if (step.group !== 'idle' && !this.settle(step, status, body))
      this.ledger.unexpected.push({ group: step.group, status, body: body.slice(0, 300) })
  }

  /** A request that got no answer (connection error or time-out). */
  lost() {
    this.busy = false
    this.onLost()
  }

  protected onLost() {}
  protected abstract step(): Step
  /** Reads an answer; false when it is not one this request may get. */
  protected abstract settle(step: Step, status: number, body: string): boolean
}

/**
 * A school operator at the entry form: reads the direction's values, checks the submission state
 * and the evidence list, and autosaves two values with the versions read (two operators share
 * some schools, so real conflicts occur); every other request is a write, 2–6 s apart.
 */
export class Writer extends VirtualUser {
  protected override think: [number, number] = [2000, 6000]
  private versions: Map<string, number> | undefined
  private sent: Record<string, number> = {}

  protected step(): Step {
    const school = this.user.orgUnit
    const turn = this.n % 6
    if (!this.versions || turn === 0)
      return {
        group: 'values:read',
        method: 'GET',
        path: `/api/data-values?orgUnit=${school}&period=${LOAD_PERIOD}&plugin=deficits`,
      }
    if (turn === 2)
      return {
        group: 'submissions:state',
        method: 'GET',
        path: `/api/submissions?orgUnit=${school}&period=${LOAD_PERIOD}&plugin=deficits`,
      }
    if (turn === 4)
      return { group: 'evidence:list', method: 'GET', path: `/api/evidence?orgUnit=${school}&period=${LOAD_PERIOD}` }
    const total = 20 + Math.floor(Math.random() * 80)
    const value = { [DENOMINATOR]: total, [NUMERATOR]: Math.floor(Math.random() * (total + 1)) }
    this.sent = Object.fromEntries(WRITTEN.map((e) => [e, this.versions!.get(e) ?? 0]))
    const values = WRITTEN.map((element) => ({
      orgUnit: school,
      period: LOAD_PERIOD,
      element,
      option: null,
      value: value[element],
      version: this.sent[element],
    }))
    return { group: 'values:write', method: 'POST', path: '/api/data-values', body: JSON.stringify({ values }) }
  }

  protected settle(step: Step, status: number, body: string): boolean {
    if (step.group === 'submissions:state' || step.group === 'evidence:list') return status === 200
    if (step.group === 'values:read') {
      if (status !== 200) return false
      const { values } = JSON.parse(body) as { values: { element: string; option: string | null; version: number }[] }
      this.versions = new Map(
        WRITTEN.map((e) => [e, values.find((v) => v.element === e && v.option === null)?.version ?? 0]),
      )
      return true
    }
    if (status === 200) {
      const { values } = JSON.parse(body) as { values: { element: string; value: number; version: number }[] }
      for (const v of values) {
        this.ledger.ack(this.user.orgUnit, v.element, v.value, v.version)
        this.versions!.set(v.element, v.version)
      }
      return true
    }
    if (status === 409) {
      this.ledger.conflicts.push({ school: this.user.orgUnit, sent: this.sent, body })
      this.versions = undefined
      return true
    }
    return false
  }

  protected override onLost() {
    if (this.current?.group === 'values:write')
      for (const e of WRITTEN) this.ledger.unanswered.add(`${this.user.orgUnit}|${e}`)
    this.versions = undefined
  }
}

/** A school operator attaching evidence documents (a small PDF under a Russian name) and listing them. */
export class Uploader extends VirtualUser {
  protected step(): Step {
    const school = this.user.orgUnit
    if (this.n % 3 === 2)
      return { group: 'evidence:list', method: 'GET', path: `/api/evidence?orgUnit=${school}&period=${LOAD_PERIOD}` }
    const boundary = `----load${this.n}${Math.random().toString(36).slice(2)}`
    const pdf = Buffer.from(`%PDF-1.4\n% ${this.user.login} ${this.n}\n${'x'.repeat(8000)}\ntrailer<<>>\n%%EOF\n`)
    const field = (name: string, value: string) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    const body = Buffer.concat([
      Buffer.from(
        field('orgUnit', String(school)) +
          field('period', LOAD_PERIOD) +
          field('indicator', EVIDENCE.indicator) +
          field('document', EVIDENCE.document) +
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="Программа наставничества ${this.n}.pdf"\r\n` +
          'content-type: application/pdf\r\n\r\n',
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    return {
      group: 'evidence:upload',
      method: 'POST',
      path: '/api/evidence',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    }
  }

  protected settle(step: Step, status: number, body: string): boolean {
    if (step.group === 'evidence:list') return status === 200
    if (status !== 201) return false
    const { document } = JSON.parse(body) as { document: { id: number } }
    const list = this.ledger.documents.get(this.user.orgUnit) ?? []
    list.push(document.id)
    this.ledger.documents.set(this.user.orgUnit, list)
    return true
  }
}

/**
 * A municipal coordinator working through its schools' submissions of one direction: looks at
 * the list, approves what is submitted; to keep going, returns an approved one with a comment and
 * resubmits it on the school's behalf. Each coordinator owns its (school, direction) pairs.
 */
export class Approver extends VirtualUser {
  private readonly state = new Map<number, string>()
  private i = 0

  protected step(): Step {
    const { orgUnit, plugin, items } = this.user as Required<LoadUser>
    if (this.n % 2 === 1)
      return {
        group: 'submissions:list',
        method: 'GET',
        path: `/api/submissions?orgUnit=${orgUnit}&period=${LOAD_PERIOD}&plugin=${plugin}`,
      }
    const school = items[this.i++ % items.length]!
    const state = this.state.get(school) ?? 'submitted'
    const action = state === 'submitted' ? 'approve' : state === 'approved' ? 'return' : 'submit'
    return {
      group: action === 'approve' ? 'submissions:approve' : 'submissions:return-resubmit',
      method: 'POST',
      path: `/api/submissions/${school}/${LOAD_PERIOD}/${plugin}/${action}`,
      body: JSON.stringify(action === 'return' ? { comment: 'Проверьте итоговые значения' } : {}),
    }
  }

  protected settle(step: Step, status: number, body: string): boolean {
    if (step.group === 'submissions:list') return status === 200
    if (status !== 200) return false
    const view = JSON.parse(body) as { orgUnit: number; plugin: string; state: string }
    this.state.set(view.orgUnit, view.state)
    this.ledger.states.set(`${view.orgUnit}|${view.plugin}`, view.state)
    return true
  }
}

/** An analyst opening municipal dashboards, the region's dashboard and league tables. */
export class Analyst extends VirtualUser {
  protected step(): Step {
    const index = Number(this.user.login.split('-').pop())
    const mun = this.plan.municipalities[(index + this.n) % this.plan.municipalities.length]!.id
    const indicator = LEAGUE_INDICATORS[(index + this.n) % LEAGUE_INDICATORS.length]
    const region = this.plan.regionId
    switch (this.n % 6) {
      case 0:
        return {
          group: 'analytics:dashboard',
          method: 'GET',
          path: `/api/analytics?orgUnit=${mun}&period=${LOAD_PERIOD}&level=children`,
        }
      case 5:
        return {
          group: 'analytics:dashboard',
          method: 'GET',
          path: `/api/analytics?orgUnit=${region}&period=${LOAD_PERIOD}&level=children`,
        }
      default:
        return {
          group: 'analysis:league-table',
          method: 'GET',
          path: `/api/analysis?orgUnit=${this.n % 2 ? region : mun}&period=${LOAD_PERIOD}&indicator=${indicator}`,
        }
    }
  }

  protected settle(_step: Step, status: number): boolean {
    return status === 200
  }
}

/** One user ordering one report (a municipality's DOCX) and following its progress. */
export class Reporter extends VirtualUser {
  protected override think: [number, number] = [2000, 2000]
  private ordered = false

  protected step(): Step {
    if (!this.ordered) {
      this.ordered = true
      const orgUnit = this.plan.municipalities[0]!.id
      return {
        group: 'reports:order',
        method: 'POST',
        path: '/api/reports',
        body: JSON.stringify({ orgUnit, period: LOAD_PERIOD, format: 'docx' }),
      }
    }
    if (this.ledger.reportId === undefined)
      return { group: 'reports:list', method: 'GET', path: `/api/reports?orgUnit=${this.plan.municipalities[0]!.id}` }
    return { group: 'reports:status', method: 'GET', path: `/api/reports/${this.ledger.reportId}` }
  }

  protected settle(step: Step, status: number, body: string): boolean {
    if (step.group === 'reports:order') {
      if (status !== 202) return false
      this.ledger.reportId = (JSON.parse(body) as { id: number }).id
      return true
    }
    if (status !== 200) return false
    if (step.group === 'reports:status') this.ledger.reportStatus = (JSON.parse(body) as { status: string }).status
    return true
  }
}

export function virtualUser(user: LoadUser, ledger: Ledger, plan: LoadPlan, origin: string): VirtualUser {
  const kinds = { writer: Writer, uploader: Uploader, approver: Approver, analyst: Analyst, reporter: Reporter }
  return new kinds[user.kind](user, ledger, plan, origin)
}
