import type { Database, Kysely, Transaction } from '@profmon/db'
import { DomainError } from '../errors.ts'
import { rolesOf, type HeldRole } from './current-user.ts'
import type { Role } from '@profmon/contract/rules'

/** A user as the users API shows it (never the password hash). */
export interface UserView {
  id: number
  login: string
  name: string
  active: boolean
  roles: HeldRole[]
  createdAt: string
}

/** A role to give: the role and the id of its org unit (null only for an unbound platform admin). */
export interface RoleInput {
  role: Role
  orgUnit: number | null
}

/** Logins compare case-insensitively and are stored lower-case. */
export const normalizeLogin = (login: string) => login.trim().toLowerCase()

/** Letters, digits, `.`, `_`, `-`; 2–64 characters, starting with a letter or digit. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/

/** Users by id with their roles, in the order of `ids`. */
export async function loadUsers(db: Kysely<Database>, ids: number[]): Promise<UserView[]> {
  if (!ids.length) return []
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'login', 'name', 'active', 'created_at'])
    .where('id', 'in', ids)
    .execute()
  const roles = await rolesOf(db, ids)
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    const createdAt = new Date(r.created_at).toISOString()
    return [{ id, login: r.login, name: r.name, active: r.active, roles: roles.get(id) ?? [], createdAt }]
  })
}

/** One user, or a 404. */
export async function getUser(db: Kysely<Database>, id: number): Promise<UserView> {
  const [user] = await loadUsers(db, [id])
  if (!user)
    throw new DomainError('not_found', 'not_found', `user ${id} does not exist`, [
      { path: 'id', message: 'no such user' },
    ])
  return user
}

/** Inserts a user with their roles; a taken login is a 409. */
export async function insertUser(
  trx: Transaction<Database> | Kysely<Database>,
  user: { login: string; name: string; passwordHash: string; roles: RoleInput[] },
): Promise<number> {
  const taken = await trx.selectFrom('app_user').select('id').where('login', '=', user.login).executeTakeFirst()
  if (taken)
    throw new DomainError('conflict', 'conflict', `the login "${user.login}" is taken`, [
      { path: 'login', message: 'taken' },
    ])
  const { id } = await trx
    .insertInto('app_user')
    .values({ login: user.login, name: user.name, password_hash: user.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('role_assignment')
    .values(user.roles.map((r) => ({ user_id: id, role: r.role, org_unit_id: r.orgUnit })))
    .execute()
  return id
}

const roleKey = (r: { role: Role; orgUnit: number | null }) => `${r.role}|${r.orgUnit ?? ''}`

/**
 * Makes a user's roles exactly `roles`, keeping unchanged assignments (and so their order);
 * returns what was granted and revoked.
 */
export async function replaceRoles(
  trx: Transaction<Database>,
  userId: number,
  current: readonly HeldRole[],
  roles: readonly RoleInput[],
): Promise<{ granted: RoleInput[]; revoked: RoleInput[] }> {
  const before = current.map((r) => ({ role: r.role, orgUnit: r.orgUnit?.id ?? null }))
  const wanted = new Map(roles.map((r) => [roleKey(r), r]))
  const had = new Map(before.map((r) => [roleKey(r), r]))
  const revoked = before.filter((r) => !wanted.has(roleKey(r)))
  const granted = [...wanted.values()].filter((r) => !had.has(roleKey(r)))
  for (const r of revoked) {
    let q = trx.deleteFrom('role_assignment').where('user_id', '=', userId).where('role', '=', r.role)
    q = r.orgUnit === null ? q.where('org_unit_id', 'is', null) : q.where('org_unit_id', '=', r.orgUnit)
    await q.execute()
  }
  if (granted.length)
    await trx
      .insertInto('role_assignment')
      .values(granted.map((r) => ({ user_id: userId, role: r.role, org_unit_id: r.orgUnit })))
      .execute()
  return { granted, revoked }
}
