import type { Database, Kysely } from '@profmon/db'
import { appendAudit, type AuditInput } from '../audit/audit-log.ts'
import { DomainError, invalid, type ErrorDetail } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { homeUnitId } from './current-user.ts'
import { generatePassword, hashPassword, passwordProblem } from './passwords.ts'
import { pathInSubtrees, Scope } from './scope.ts'
import { endSessionsOf } from './sessions.ts'
import {
  getUser,
  insertUser,
  loadUsers,
  LOGIN_PATTERN,
  normalizeLogin,
  replaceRoles,
  type RoleInput,
  type UserView,
} from './users.ts'

/*
 * Users and their role assignments, for admins: a platform admin manages everyone, a region admin
 * the users of their region, a coordinator the school operators of their municipality. Every
 * change is audited (never a password).
 */

/**
 * Checks roles to give: each unit exists and is of the role's level (400), and the caller may
 * give that role there (403). Duplicates collapse.
 */
async function checkRoles(db: Kysely<Database>, scope: Scope, roles: RoleInput[]): Promise<RoleInput[]> {
  const ids = [...new Set(roles.flatMap((r) => (r.orgUnit === null ? [] : [r.orgUnit])))]
  const units = ids.length
    ? await db.selectFrom('org_unit').select(['id', 'path', 'level']).where('id', 'in', ids).execute()
    : []
  const byId = new Map(units.map((u) => [u.id, u]))
  const bad: ErrorDetail[] = []
  const denied: ErrorDetail[] = []
  roles.forEach((r, i) => {
    const unit = r.orgUnit === null ? null : byId.get(r.orgUnit)
    if (unit === undefined) return bad.push({ path: `roles[${i}].orgUnit`, message: `no org unit ${r.orgUnit}` })
    const problem = Scope.checkRoleLevel(r.role, unit)
    if (problem) return bad.push({ path: `roles[${i}]`, message: problem })
    if (!scope.canAssign(r.role, unit))
      denied.push({
        path: `roles[${i}]`,
        message: `you may not give ${r.role} on ${unit ? `org unit ${unit.id}` : 'no unit'}`,
      })
  })
  if (bad.length) throw invalid(bad)
  if (denied.length) throw new DomainError('forbidden', 'forbidden', denied.map((d) => d.message).join('; '), denied)
  return [...new Map(roles.map((r) => [`${r.role}|${r.orgUnit}`, r])).values()]
}

function checkPassword(password: string, login: string): void {
  const problem = passwordProblem(password, login)
  if (problem) throw invalid([{ path: 'password', message: problem }])
}

const roleAudit = (actor: string, user: { id: number; login: string }, action: string, r: RoleInput): AuditInput => ({
  actor,
  action,
  entity: 'role_assignment',
  entityKey: `${user.id}|${r.role}|${r.orgUnit ?? ''}`,
  orgUnitId: r.orgUnit,
  ...(action === 'grant' ? { newValue: { login: user.login, ...r } } : { oldValue: { login: user.login, ...r } }),
})

const profile = (u: Pick<UserView, 'login' | 'name' | 'active'>) => ({ login: u.login, name: u.name, active: u.active })

/** The users the caller manages (optionally those with a role in one subtree), by login. */
export async function listManagedUsers(
  db: Kysely<Database>,
  scope: Scope,
  orgUnit: number | undefined,
): Promise<UserView[]> {
  scope.assertManagesUsers()
  let paths = scope.writablePaths('users')
  if (orgUnit !== undefined) {
    const unit = await getOrgUnit(db, orgUnit)
    scope.assertCanWrite(unit, 'users')
    paths = [unit.path]
  }
  let q = db.selectFrom('app_user as u').select('u.id').orderBy('u.login')
  if (paths !== null) {
    const inside = paths
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignment as r')
          .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
          .select('r.id')
          .whereRef('r.user_id', '=', 'u.id')
          .where((inner) => pathInSubtrees(inner.ref('o.path'), inside)),
      ),
    )
  }
  const users = await loadUsers(
    db,
    (await q.execute()).map((r) => r.id),
  )
  return users.filter((u) => scope.canManage(u.roles))
}

/** One user the caller manages. */
export async function getManagedUser(db: Kysely<Database>, scope: Scope, id: number): Promise<UserView> {
  const user = await getUser(db, id)
  scope.assertCanManage(user.id, user.roles)
  return user
}

/** Creates a user with roles the caller may give; without a password one is generated (returned once). */
export async function createUser(
  db: Kysely<Database>,
  scope: Scope,
  body: { login: string; name: string; password?: string | undefined; roles: RoleInput[] },
): Promise<{ user: UserView; generatedPassword: string | null }> {
  scope.assertManagesUsers()
  const login = normalizeLogin(body.login)
  if (!LOGIN_PATTERN.test(login))
    throw invalid([
      { path: 'login', message: '2–64 letters, digits, ".", "_" or "-", starting with a letter or digit' },
    ])
  const roles = await checkRoles(db, scope, body.roles)
  if (body.password !== undefined) checkPassword(body.password, login)
  const password = body.password ?? generatePassword()
  const passwordHash = await hashPassword(password)
  const actor = scope.user.login
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, { login, name: body.name, passwordHash, roles })
    await appendAudit(trx, [
      {
        actor,
        action: 'create',
        entity: 'user',
        entityKey: String(id),
        orgUnitId: roles.find((r) => r.orgUnit !== null)?.orgUnit ?? null,
        newValue: { login, name: body.name, active: true },
      },
      ...roles.map((r) => roleAudit(actor, { id, login }, 'grant', r)),
    ])
    return id
  })
  return { user: await getUser(db, id), generatedPassword: body.password === undefined ? password : null }
}

/** Renames, (de)activates or resets the password of a user; a new password ends their sessions. */
export async function updateUser(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
  body: {
    name?: string | undefined
    active?: boolean | undefined
    password?: string | undefined
    generatePassword?: true | undefined
  },
): Promise<{ user: UserView; generatedPassword: string | null }> {
  const before = await getUser(db, id)
  scope.assertCanManage(id, before.roles)
  if (body.password !== undefined && body.generatePassword)
    throw invalid([{ path: 'generatePassword', message: 'give a password or ask for one, not both' }])
  if (body.active === false && id === scope.user.id)
    throw invalid([{ path: 'active', message: 'you cannot deactivate yourself' }])
  if (body.password !== undefined) checkPassword(body.password, before.login)
  const password = body.generatePassword ? generatePassword() : body.password
  const passwordHash = password === undefined ? undefined : await hashPassword(password)
  const after = { ...profile(before), ...(body.name === undefined ? {} : { name: body.name }) }
  if (body.active !== undefined) after.active = body.active
  const actor = scope.user.login
  const orgUnitId = homeUnitId(before.roles)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        name: after.name,
        active: after.active,
        updated_at: new Date(),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      })
      .where('id', '=', id)
      .execute()
    // A new password or a deactivation signs the user out everywhere.
    if (passwordHash || !after.active) await endSessionsOf(trx, id)
    const entries: AuditInput[] = []
    if (after.name !== before.name || after.active !== before.active)
      entries.push({
        actor,
        action: 'update',
        entity: 'user',
        entityKey: String(id),
        orgUnitId,
        oldValue: profile(before),
        newValue: after,
      })
    if (passwordHash) entries.push({ actor, action: 'password_set', entity: 'user', entityKey: String(id), orgUnitId })
    await appendAudit(trx, entries)
  })
  return { user: await getUser(db, id), generatedPassword: body.generatePassword ? password! : null }
}

/** Replaces a user's roles with ones the caller may give; each grant and revoke audited. */
export async function setUserRoles(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
  wanted: RoleInput[],
): Promise<UserView> {
  const before = await getUser(db, id)
  scope.assertCanManage(id, before.roles)
  const roles = await checkRoles(db, scope, wanted)
  const actor = scope.user.login
  await db.transaction().execute(async (trx) => {
    const { granted, revoked } = await replaceRoles(trx, id, before.roles, roles)
    await appendAudit(trx, [
      ...revoked.map((r) => roleAudit(actor, before, 'revoke', r)),
      ...granted.map((r) => roleAudit(actor, before, 'grant', r)),
    ])
  })
  return getUser(db, id)
}
