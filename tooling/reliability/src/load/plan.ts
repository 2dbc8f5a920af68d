import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import type { Database, Kysely } from '@profmon/db'

/** The period every load user works in: the demo region's latest, open for entry. */
export const LOAD_PERIOD = '2025-26'
/** The directions the coordinators approve (the operators write `deficits` and attach `mentoring` evidence). */
export const APPROVED_PLUGINS = ['retraining', 'networking'] as const

export type LoadUserKind = 'writer' | 'uploader' | 'approver' | 'analyst' | 'reporter'

export interface LoadUser {
  login: string
  kind: LoadUserKind
  /** The session cookie's value: the user is signed in. */
  token: string
  /** The school (writer, uploader), municipality (approver) or region (analyst, reporter). */
  orgUnit: number
  /** Approvers: the direction and the schools whose submissions they move. */
  plugin?: string
  items?: number[]
}

export interface LoadPlan {
  regionId: number
  municipalities: { id: number; schools: number[] }[]
  users: LoadUser[]
  /** A session of the demo platform admin, for checking the outcome. */
  adminToken: string
}

/**
 * How many users of each kind; analysts fill up to 200 (35 with 12 municipalities), one orders a
 * report. Fifteen schools get two writers, so real conflicts occur.
 */
export const MIX = { writers: 110, sharedSchools: 15, uploaders: 30, approversPerMunicipality: 2 } as const

/**
 * Runs inside the load server's seed hook, after the demo region: creates the 200 load users
 * (password as the demo users', never used), signs each in (a session row, as sign-in writes it),
 * puts every school's {@link APPROVED_PLUGINS} data in `submitted`, and writes the plan — users,
 * their session tokens and units — to `file` (mode 0600) for the test process.
 */
export async function seedLoadPlan(db: Kysely<Database>, file: string): Promise<void> {
  const region = await db.selectFrom('org_unit').select('id').where('level', '=', 1).executeTakeFirstOrThrow()
  const muns = await db.selectFrom('org_unit').select('id').where('level', '=', 2).orderBy('id').execute()
  const orgs = await db
    .selectFrom('org_unit')
    .select(['id', 'parent_id'])
    .where('level', '=', 3)
    .orderBy('id')
    .execute()
  const municipalities = muns.map((m) => ({
    id: m.id,
    schools: orgs.filter((o) => o.parent_id === m.id).map((o) => o.id),
  }))
  // Writers and uploaders on distinct schools, spread over the municipalities.
  const spread = municipalities
    .flatMap((m, i) => m.schools.map((s, j) => ({ s, order: j * 100 + i })))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.s)
  const writerSchools = spread.slice(0, MIX.writers - MIX.sharedSchools)
  const uploaderSchools = spread.slice(writerSchools.length, writerSchools.length + MIX.uploaders)
  const { password_hash } = await db
    .selectFrom('app_user')
    .select('password_hash')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const period = await db.selectFrom('period').select('id').where('code', '=', LOAD_PERIOD).executeTakeFirstOrThrow()

  const wanted: Omit<LoadUser, 'token'>[] = []
  for (let i = 0; i < MIX.writers; i++)
    wanted.push({ login: `load-writer-${i}`, kind: 'writer', orgUnit: writerSchools[i % writerSchools.length]! })
  uploaderSchools.forEach((s, i) => wanted.push({ login: `load-uploader-${i}`, kind: 'uploader', orgUnit: s }))
  for (const m of municipalities)
    for (const plugin of APPROVED_PLUGINS.slice(0, MIX.approversPerMunicipality))
      wanted.push({
        login: `load-approver-${m.id}-${plugin}`,
        kind: 'approver',
        orgUnit: m.id,
        plugin,
        items: m.schools,
      })
  const analysts = 200 - wanted.length - 1
  for (let i = 0; i < analysts; i++) wanted.push({ login: `load-analyst-${i}`, kind: 'analyst', orgUnit: region.id })
  wanted.push({ login: 'load-reporter', kind: 'reporter', orgUnit: region.id })

  const role = {
    writer: 'school_operator',
    uploader: 'school_operator',
    approver: 'municipal_coordinator',
    analyst: 'analyst',
    reporter: 'analyst',
  } as const
  const session = () => {
    const token = randomBytes(32).toString('base64url')
    return { token, id: createHash('sha256').update(token).digest('hex') }
  }
  const users: LoadUser[] = []
  await db.transaction().execute(async (trx) => {
    for (const u of wanted) {
      const { id } = await trx
        .insertInto('app_user')
        .values({ login: u.login, name: u.login, password_hash })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('role_assignment')
        .values({ user_id: id, role: role[u.kind], org_unit_id: u.orgUnit })
        .execute()
      const s = session()
      await trx
        .insertInto('user_session')
        .values({ id: s.id, user_id: id, address: '127.0.0.1', user_agent: 'load' })
        .execute()
      users.push({ ...u, token: s.token })
    }
    await trx
      .insertInto('submission')
      .values(
        APPROVED_PLUGINS.flatMap((plugin) =>
          orgs.map((o) => ({
            org_unit_id: o.id,
            period_id: period.id,
            plugin_id: plugin,
            state: 'submitted' as const,
            updated_by: 'load-seed',
            updated_at: new Date(),
          })),
        ),
      )
      .execute()
  })
  const admin = await db.selectFrom('app_user').select('id').where('login', '=', 'admin').executeTakeFirstOrThrow()
  const s = session()
  await db
    .insertInto('user_session')
    .values({ id: s.id, user_id: admin.id, address: '127.0.0.1', user_agent: 'load' })
    .execute()
  const plan: LoadPlan = { regionId: region.id, municipalities, users, adminToken: s.token }
  await writeFile(file, JSON.stringify(plan), { mode: 0o600 })
}
