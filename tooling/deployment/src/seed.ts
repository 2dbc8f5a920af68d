import { connect, sql } from '@profmon/db'
import { generateRegion } from '@profmon/generator'
import { hashPassword, insertUser } from '@profmon/server'

export const PASSWORD = 'replica-test'

/** What a test writes into and reads from. */
export interface Seeded {
  regionId: number
  municipalities: number[]
  period: string
  /** (organisation, element) pairs a region admin may write in `period`: integers, no breakdown. */
  keys: { orgUnit: number; element: string }[]
}

/**
 * A small region (2 municipalities, 8 organisations, the generator's three periods, the latest open
 * for entry) and region admins `region` and `region2` with {@link PASSWORD}, written straight into the
 * database at `url`, which a server has migrated and whose catalog it has synced.
 */
export async function seedSmallRegion(url: string): Promise<Seeded> {
  const handle = await connect({ url, poolSize: 2 })
  try {
    const openLatestUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const region = await generateRegion(handle, { municipalities: 2, organizations: 8, openLatestUntil })
    const passwordHash = await hashPassword(PASSWORD)
    for (const login of ['region', 'region2'])
      await insertUser(handle.db, {
        login,
        name: `Администратор региона (${login})`,
        passwordHash,
        roles: [{ role: 'region_admin', orgUnit: region.regionId }],
      })
    const { db } = handle
    const municipalities = await db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', '=', region.regionId)
      .orderBy('id')
      .execute()
    const organisations = await db
      .selectFrom('org_unit')
      .select('id')
      .where('level', '=', 3)
      .where('path', 'like', `/${region.regionId}/%`)
      .orderBy('id')
      .execute()
    const elements = await db
      .selectFrom('data_element')
      .select('code')
      // The directions' elements and the core ones they share (the teachers total's own total).
      .where((eb) => eb.or([eb('plugin_id', 'is not', null), eb('code', 'like', 'core.%')]))
      .where('value_type', '=', 'integer')
      .where((eb) => eb.or([eb('dimension_code', 'is', null), eb('code', '=', 'core.teachers_total')]))
      .where(sql<boolean>`coalesce(definition->>'entryLevel', 'organization') = 'organization'`)
      .orderBy('code')
      .execute()
    const period = await db.selectFrom('period').select('code').orderBy('starts_on', 'desc').executeTakeFirstOrThrow()
    return {
      regionId: region.regionId,
      municipalities: municipalities.map((m) => m.id),
      period: period.code,
      keys: organisations.flatMap((o) => elements.map((e) => ({ orgUnit: o.id, element: e.code }))),
    }
  } finally {
    await handle.close()
  }
}
