import type { Database, Kysely } from '@profmon/db'
import { appendAudit, hashPassword, insertUser, type Role } from '@profmon/server'

/** The password of every demo user: the demo is for trying things out, never for real data. */
export const DEMO_PASSWORD = 'demo'

/**
 * One user per role in the demo region: `admin` (platform admin, bound to the region),
 * `region`, `mun1` and `mun2` (coordinators of the first two municipalities by id), `school1`
 * (operator of the first school of `mun1`'s municipality) and `analyst` (read-only, the region).
 *
 * @example
 * await createDemoUsers(db, regionId) // [{ login: 'admin', … }, { login: 'region', … }, …]
 */
export async function createDemoUsers(
  db: Kysely<Database>,
  regionId: number,
): Promise<{ login: string; role: Role; orgUnit: number }[]> {
  const municipalities = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('parent_id', '=', regionId)
    .orderBy('id')
    .limit(2)
    .execute()
  const [mun1, mun2] = municipalities
  if (!mun1 || !mun2) throw new Error(`the demo region ${regionId} needs two municipalities`)
  const organisations = await db
    .selectFrom('org_unit')
    .select(['id', 'kind'])
    .where('parent_id', '=', mun1.id)
    .orderBy('id')
    .execute()
  // A school, not a kindergarten or college, when the municipality has one.
  const school = organisations.find((o) => o.kind === 'school') ?? organisations[0]
  if (!school) throw new Error(`the demo municipality ${mun1.id} has no organisations`)
  const users: { login: string; name: string; role: Role; orgUnit: number }[] = [
    { login: 'admin', name: 'Администратор платформы', role: 'platform_admin', orgUnit: regionId },
    { login: 'region', name: 'Администратор региона', role: 'region_admin', orgUnit: regionId },
    { login: 'mun1', name: 'Координатор муниципалитета 1', role: 'municipal_coordinator', orgUnit: mun1.id },
    { login: 'mun2', name: 'Координатор муниципалитета 2', role: 'municipal_coordinator', orgUnit: mun2.id },
    { login: 'school1', name: 'Оператор школы', role: 'school_operator', orgUnit: school.id },
    { login: 'analyst', name: 'Аналитик региона', role: 'analyst', orgUnit: regionId },
  ]
  await db.transaction().execute(async (trx) => {
    for (const u of users) {
      const id = await insertUser(trx, {
        login: u.login,
        name: u.name,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        roles: [{ role: u.role, orgUnit: u.orgUnit }],
      })
      await appendAudit(trx, [
        {
          actor: 'system',
          action: 'create',
          entity: 'user',
          entityKey: String(id),
          orgUnitId: u.orgUnit,
          newValue: { login: u.login, name: u.name, roles: [{ role: u.role, orgUnit: u.orgUnit }] },
        },
      ])
    }
  })
  return users.map(({ login, role, orgUnit }) => ({ login, role, orgUnit }))
}
