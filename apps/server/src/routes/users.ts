import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Database, Kysely } from '@profmon/db'
import { homeUnitId } from '../access/current-user.ts'
import { generatePassword, hashPassword, passwordProblem } from '../access/passwords.ts'
import { pathInSubtrees, Scope } from '../access/scope.ts'
import { endSessionsOf } from '../access/sessions.ts'
import {
  getUser,
  insertUser,
  loadUsers,
  LOGIN_PATTERN,
  normalizeLogin,
  replaceRoles,
  type RoleInput,
  type UserView,
} from '../access/users.ts'
import { appendAudit, type AuditInput } from '../audit/audit-log.ts'
import type { AppDeps } from '../context.ts'
import { ApiError, errorResponses, invalid, type ErrorDetail } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { heldRoleSchema, idParam, roleSchema } from './schemas.ts'

const userSchema = z
  .object({
    id: z.number().int(),
    login: z.string(),
    name: z.string(),
    active: z.boolean(),
    roles: z.array(heldRoleSchema),
    createdAt: z.string(),
  })
  .openapi('User')

const roleInput = z.object({ role: roleSchema, orgUnit: z.number().int().positive().nullable() }).strict()
const rolesInput = z.array(roleInput).min(1).max(50)
const withPassword = z.object({
  user: userSchema,
  generatedPassword: z.string().nullable().openapi({ description: 'The generated password, shown only here' }),
})
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } })

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'Users you manage (optionally those with a role in one subtree), by login',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive().optional().openapi({ description: 'Only users with a role here' }),
    }),
  },
  responses: {
    200: { description: 'Users', ...json(z.array(userSchema)) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const one = createRoute({
  method: 'get',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: 'A user you manage',
  request: { params: idParam },
  responses: { 200: { description: 'The user', ...json(userSchema) }, ...errorResponses(400, 401, 403, 404) },
})

const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Create a user with roles you may give; without a password one is generated and shown once',
  request: {
    body: {
      required: true,
      ...json(
        z
          .object({
            login: z.string().min(1).max(64).openapi({ example: 'school42' }),
            name: z.string().trim().min(1).max(200),
            password: z.string().min(1).max(1024).optional(),
            roles: rolesInput,
          })
          .strict(),
      ),
    },
  },
  responses: { 201: { description: 'Created', ...json(withPassword) }, ...errorResponses(400, 401, 403, 409) },
})

const update = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: "Rename, (de)activate or reset the password of a user you manage; a new password ends the user's sessions",
  request: {
    params: idParam,
    body: {
      required: true,
      ...json(
        z
          .object({
            name: z.string().trim().min(1).max(200).optional(),
            active: z.boolean().optional(),
            password: z.string().min(1).max(1024).optional(),
            generatePassword: z.literal(true).optional(),
          })
          .strict(),
      ),
    },
  },
  responses: { 200: { description: 'Updated', ...json(withPassword) }, ...errorResponses(400, 401, 403, 404) },
})

const setRoles = createRoute({
  method: 'put',
  path: '/api/users/{id}/roles',
  tags: ['users'],
  summary: "Replace the role assignments of a user you manage (each a role you may give, on your subtree's units)",
  request: { params: idParam, body: { required: true, ...json(z.object({ roles: rolesInput }).strict()) } },
  responses: { 200: { description: 'The user', ...json(userSchema) }, ...errorResponses(400, 401, 403, 404) },
})

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
  if (denied.length) throw new ApiError(403, 'forbidden', denied.map((d) => d.message).join('; '), denied)
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

/**
 * Users and their role assignments, for admins: a platform admin manages everyone, a region
 * admin the users of their region, a coordinator the school operators of their municipality.
 * Every change is audited (never a password).
 */
export function userRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => {
      const scope = c.var.scope
      scope.assertManagesUsers()
      const { orgUnit } = c.req.valid('query')
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
      return c.json(
        users.filter((u) => scope.canManage(u.roles)),
        200,
      )
    })
    .openapi(one, async (c) => {
      const user = await getUser(db, c.req.valid('param').id)
      c.var.scope.assertCanManage(user.id, user.roles)
      return c.json(user, 200)
    })
    .openapi(create, async (c) => {
      const scope = c.var.scope
      scope.assertManagesUsers()
      const body = c.req.valid('json')
      const login = normalizeLogin(body.login)
      if (!LOGIN_PATTERN.test(login))
        throw invalid([
          { path: 'login', message: '2–64 letters, digits, ".", "_" or "-", starting with a letter or digit' },
        ])
      const roles = await checkRoles(db, scope, body.roles)
      if (body.password !== undefined) checkPassword(body.password, login)
      const password = body.password ?? generatePassword()
      const passwordHash = await hashPassword(password)
      const actor = c.var.user.login
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
      return c.json(
        { user: await getUser(db, id), generatedPassword: body.password === undefined ? password : null },
        201,
      )
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const before = await getUser(db, id)
      c.var.scope.assertCanManage(id, before.roles)
      if (body.password !== undefined && body.generatePassword)
        throw invalid([{ path: 'generatePassword', message: 'give a password or ask for one, not both' }])
      if (body.active === false && id === c.var.user.id)
        throw invalid([{ path: 'active', message: 'you cannot deactivate yourself' }])
      if (body.password !== undefined) checkPassword(body.password, before.login)
      const password = body.generatePassword ? generatePassword() : body.password
      const passwordHash = password === undefined ? undefined : await hashPassword(password)
      const after = { ...profile(before), ...(body.name === undefined ? {} : { name: body.name }) }
      if (body.active !== undefined) after.active = body.active
      const actor = c.var.user.login
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
        if (passwordHash)
          entries.push({ actor, action: 'password_set', entity: 'user', entityKey: String(id), orgUnitId })
        await appendAudit(trx, entries)
      })
      return c.json({ user: await getUser(db, id), generatedPassword: body.generatePassword ? password! : null }, 200)
    })
    .openapi(setRoles, async (c) => {
      const { id } = c.req.valid('param')
      const before = await getUser(db, id)
      const scope = c.var.scope
      scope.assertCanManage(id, before.roles)
      const roles = await checkRoles(db, scope, c.req.valid('json').roles)
      const actor = c.var.user.login
      await db.transaction().execute(async (trx) => {
        const { granted, revoked } = await replaceRoles(trx, id, before.roles, roles)
        await appendAudit(trx, [
          ...revoked.map((r) => roleAudit(actor, before, 'revoke', r)),
          ...granted.map((r) => roleAudit(actor, before, 'grant', r)),
        ])
      })
      return c.json(await getUser(db, id), 200)
    })
}
