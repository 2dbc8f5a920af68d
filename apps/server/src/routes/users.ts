import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { createUser, getManagedUser, listManagedUsers, setUserRoles, updateUser } from '../access/user-admin.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
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
 * Users and their role assignments, for admins: a platform admin manages everyone, a region
 * admin the users of their region, a coordinator the school operators of their municipality.
 * Every change is audited (never a password).
 */
export function userRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => c.json(await listManagedUsers(db, c.var.scope, c.req.valid('query').orgUnit), 200))
    .openapi(one, async (c) => c.json(await getManagedUser(db, c.var.scope, c.req.valid('param').id), 200))
    .openapi(create, async (c) => c.json(await createUser(db, c.var.scope, c.req.valid('json')), 201))
    .openapi(update, async (c) =>
      c.json(await updateUser(db, c.var.scope, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(setRoles, async (c) =>
      c.json(await setUserRoles(db, c.var.scope, c.req.valid('param').id, c.req.valid('json').roles), 200),
    )
}
