import type { Database, Kysely, OrgUnit } from '@profmon/db'
import { inDirection, type Catalog } from '../../catalog/catalog.ts'
import { readStates, resolveTarget, type SubmissionView } from './submissions.ts'
import type { SubmissionState } from '@profmon/contract/rules'

export interface ChildSubmission extends SubmissionView {
  name: string
  /** Values the child has entered for this direction and period (totals and options). */
  values: number
}

export interface Completeness {
  self: SubmissionView
  children: ChildSubmission[]
  /** Children per state, and `notSubmitted` = drafts + returned: who the coordinator still waits for. */
  counts: Record<SubmissionState, number> & { total: number; notSubmitted: number }
}

/**
 * The entry state of a unit and of each of its children for one period and direction: what a
 * coordinator checks before the deadline ("3 of 17 schools have not submitted").
 */
export async function completeness(
  db: Kysely<Database>,
  catalog: Catalog,
  unit: OrgUnit,
  periodCode: string,
  plugin: string,
): Promise<Completeness> {
  const periodId = await resolveTarget(db, catalog, unit, periodCode, plugin)
  const children = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('parent_id', '=', unit.id)
    .orderBy('name')
    .execute()
  const ids = children.map((c) => c.id)
  const states = await readStates(db, [unit.id, ...ids], periodId, periodCode, plugin)
  const elementIds = [...catalog.elements.values()].filter((e) => inDirection(e, plugin)).map((e) => e.id)
  const valueCounts = ids.length
    ? await db
        .selectFrom('data_value')
        .select(['org_unit_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('org_unit_id', 'in', ids)
        .where('period_id', '=', periodId)
        .where('element_id', 'in', elementIds.length ? elementIds : [-1])
        .groupBy('org_unit_id')
        .execute()
    : []
  const countOf = new Map(valueCounts.map((v) => [v.org_unit_id, Number(v.n)]))
  const list = children.map((c) => ({ ...states.get(c.id)!, name: c.name, values: countOf.get(c.id) ?? 0 }))
  const counts = { total: list.length, draft: 0, submitted: 0, approved: 0, returned: 0, notSubmitted: 0 }
  for (const c of list) counts[c.state]++
  counts.notSubmitted = counts.draft + counts.returned
  return { self: states.get(unit.id)!, children: list, counts }
}
