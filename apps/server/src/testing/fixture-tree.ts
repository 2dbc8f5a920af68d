import type { Database, Kysely } from '@profmon/db'

export interface FixtureTree {
  region: number
  munA: number
  munB: number
  schoolA1: number
  schoolA2: number
  schoolA3: number
  schoolB1: number
}

async function unit(
  db: Kysely<Database>,
  name: string,
  level: number,
  kind: string,
  parent?: { id: number; path: string },
) {
  const row = await db
    .insertInto('org_unit')
    .values({ name, level, kind, parent_id: parent?.id ?? null, path: `/pending-${name}/` })
    .returning('id')
    .executeTakeFirstOrThrow()
  const path = `${parent?.path ?? '/'}${row.id}/`
  await db.updateTable('org_unit').set({ path }).where('id', '=', row.id).execute()
  return { id: row.id, path }
}

/** A hand-made region: municipality A with three schools, B with one; periods 2023-24 … 2025-26. */
export async function createFixtureTree(db: Kysely<Database>): Promise<FixtureTree> {
  const region = await unit(db, 'Тестовый край', 1, 'region')
  const munA = await unit(db, 'Алексеевский район', 2, 'municipality', region)
  const munB = await unit(db, 'Борисовский район', 2, 'municipality', region)
  const schoolA1 = await unit(db, 'Школа № 1', 3, 'school', munA)
  const schoolA2 = await unit(db, 'Школа № 2', 3, 'school', munA)
  const schoolA3 = await unit(db, 'Школа № 3', 3, 'school', munA)
  const schoolB1 = await unit(db, 'Школа № 10', 3, 'school', munB)
  for (const [code, y] of [
    ['2023-24', 2023],
    ['2024-25', 2024],
    ['2025-26', 2025],
  ] as const)
    await db
      .insertInto('period')
      .values({
        code,
        title: `${y}/${String(y + 1).slice(2)} учебный год`,
        starts_on: `${y}-09-01`,
        ends_on: `${y + 1}-08-31`,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute()
  return {
    region: region.id,
    munA: munA.id,
    munB: munB.id,
    schoolA1: schoolA1.id,
    schoolA2: schoolA2.id,
    schoolA3: schoolA3.id,
    schoolB1: schoolB1.id,
  }
}

export interface SecondRegion {
  region2: number
  munC: number
  schoolC1: number
}

/** A neighbouring region: municipality C with one school — foreign to everyone bound in the first. */
export async function createSecondRegion(db: Kysely<Database>): Promise<SecondRegion> {
  const region = await unit(db, 'Соседняя область', 1, 'region')
  const munC = await unit(db, 'Васильевский район', 2, 'municipality', region)
  const schoolC1 = await unit(db, 'Школа № 20', 3, 'school', munC)
  return { region2: region.id, munC: munC.id, schoolC1: schoolC1.id }
}
