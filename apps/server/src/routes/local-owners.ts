import { z } from '@hono/zod-openapi'

/** The owner of a local definition, as lists show it (no path: a school sees its ancestors' names only). */
export const ownerSchema = z
  .object({ id: z.number().int(), name: z.string(), level: z.number().int() })
  .openapi('LocalOwner')
