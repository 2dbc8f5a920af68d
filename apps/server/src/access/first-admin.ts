import type { Database, Kysely } from '@profmon/db'
import { appendAudit } from '../audit/audit-log.ts'
import { generatePassword, hashPassword } from './passwords.ts'
import { insertUser } from './users.ts'

/**
 * The first user of a database started without the demo: a platform admin `admin`, bound to no
 * region, with a generated password that the caller prints once.
 */
export async function createFirstAdmin(db: Kysely<Database>): Promise<{ login: string; password: string }> {
  const password = generatePassword()
  await db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      login: 'admin',
      name: 'Администратор платформы',
      passwordHash: await hashPassword(password),
      roles: [{ role: 'platform_admin', orgUnit: null }],
    })
    await appendAudit(trx, [
      {
        actor: 'system',
        action: 'create',
        entity: 'user',
        entityKey: String(id),
        orgUnitId: null,
        newValue: { login: 'admin', roles: [{ role: 'platform_admin', orgUnit: null }] },
      },
    ])
  })
  return { login: 'admin', password }
}

/** Whether the database has no users yet (a fresh installation). */
export async function hasNoUsers(db: Kysely<Database>): Promise<boolean> {
  return !(await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst())
}
