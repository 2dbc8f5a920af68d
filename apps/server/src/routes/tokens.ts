import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { createApiToken, listApiTokens, revokeApiToken } from '../access/api-tokens.ts'
import { homeUnitId } from '../access/current-user.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { idParam } from './schemas.ts'

const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiToken')

const list = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags: ['tokens'],
  summary: 'Your live API tokens (never the tokens themselves)',
  responses: {
    200: { description: 'Tokens, newest first', content: { 'application/json': { schema: z.array(tokenSchema) } } },
    ...errorResponses(401),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags: ['tokens'],
  summary: 'Create a personal API token; send it as `Authorization: Bearer <token>`. Shown only in this answer.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ name: z.string().trim().min(1).max(100).openapi({ example: 'отчёт в Excel' }) }).strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'The token (acts with your roles until revoked)',
      content: { 'application/json': { schema: tokenSchema.extend({ token: z.string() }) } },
    },
    ...errorResponses(400, 401, 403),
  },
})

const revoke = createRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  tags: ['tokens'],
  summary: 'Revoke one of your tokens: requests with it answer 401 from now on',
  request: { params: idParam },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404) },
})

/** Personal API tokens: each user creates, lists and revokes their own. */
export function tokenRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => c.json(await listApiTokens(db, c.var.user.id), 200))
    .openapi(create, async (c) => {
      const { name } = c.req.valid('json')
      const user = c.var.user
      const token = await db.transaction().execute(async (trx) => {
        const created = await createApiToken(trx, user.id, name)
        await appendAudit(trx, [
          {
            actor: user.login,
            action: 'create',
            entity: 'api_token',
            entityKey: String(created.id),
            orgUnitId: homeUnitId(user.roles),
            newValue: { name },
          },
        ])
        return created
      })
      return c.json(token, 201)
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param')
      const user = c.var.user
      await db.transaction().execute(async (trx) => {
        const revoked = await revokeApiToken(trx, user.id, id)
        // Someone else's token is "not found" too: its existence is none of the caller's business.
        if (!revoked)
          throw new DomainError('not_found', 'not_found', `you have no live token ${id}`, [
            { path: 'id', message: 'no such token' },
          ])
        await appendAudit(trx, [
          {
            actor: user.login,
            action: 'revoke',
            entity: 'api_token',
            entityKey: String(id),
            orgUnitId: homeUnitId(user.roles),
            oldValue: { name: revoked.name },
          },
        ])
      })
      return c.body(null, 204)
    })
}
