import { numberArray, sql, type Database, type DataValue, type Kysely } from '@profmon/db'
import type { Catalog } from '../catalog/catalog.ts'
import type { Editor } from '../collection/workflow/entry-locks.ts'
import { assertUnlocked } from '../collection/workflow/entry-locks.ts'
import { DomainError, type ErrorDetail } from '../errors.ts'
import { inSubtree } from '../access/scope.ts'
import { regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { CollectionPlans } from '../collection/campaigns/collection-plan.ts'
import { checkValue } from './validate-value.ts'
import { registrySourcedElements } from '../analytics/derived/element-sources.ts'

/** One value to write. `value: null` removes it (back to "no data"). */
export interface ValueInput {
  orgUnit: number
  period: string
  element: string
  option?: string | null | undefined
  value: number | boolean | string | null
  /** The version the writer saw; when given, a different current version is a conflict. 0 = "expected absent". */
  version?: number | undefined
}

export interface WrittenValue {
  orgUnit: number
  period: string
  element: string
  option: string | null
  value: number | boolean | string | null
  version: number
}

interface Resolved {
  input: ValueInput
  index: number
  orgUnitId: number
  /** The unit's region: the partition of its values (migration `0015-partition-by-region`). */
  regionId: number
  periodId: number
  elementId: number
  optionId: number
  value: number | null
  text: string | null
}

/**
 * Writes a batch of values in one transaction, all or nothing. Every item is checked first
 * (element, option, type, bounds, entry level, enabled direction, duplicates in the batch),
 * then current versions are locked and compared; any conflict aborts the whole batch with 409
 * and the current values. Each change is appended to the audit log.
 *
 * A derived element the region's campaign counts from the teacher registry is never written: the
 * whole batch is refused with 409 `registry_sourced`, naming each such item.
 *
 * Entry locks are enforced here, the one place every write passes: data of a submitted or approved
 * direction (409 `locked`) or past the campaign's monitoring deadline (403 `deadline_passed`) is
 * written only by the approving level. `editor` is the caller's scope; none = locks always hold.
 */
export async function writeValues(
  db: Kysely<Database>,
  catalog: Catalog,
  inputs: ValueInput[],
  actor: string,
  editor?: Editor,
): Promise<WrittenValue[]> {
  const { resolved, campaigns } = await resolveInputs(db, catalog, inputs)
  const attempt = (insertNew: boolean) =>
    db.transaction().execute(async (trx) => {
      await assertUnlocked(trx, catalog, resolved, editor, campaigns)
      // Keys, rows and audit entries travel as a few arrays (unnest), not as one bind parameter per
      // field: a 100,000-value XLSX import would pass PostgreSQL's 65,535-parameter limit otherwise.
      const current = resolved.length
        ? (
            await sql<
              Pick<
                DataValue,
                'org_unit_id' | 'period_id' | 'element_id' | 'option_id' | 'value' | 'text_value' | 'version'
              >
            >`
            select v.org_unit_id, v.period_id, v.element_id, v.option_id, v.value, v.text_value, v.version
            from data_value v
            join unnest(${keyArrays(resolved)}) as k(o, p, e, x, r)
              on v.org_unit_id = k.o and v.period_id = k.p and v.element_id = k.e and v.option_id = k.x
                 and v.region_id = k.r
            for update of v
          `.execute(trx)
          ).rows
        : []
      const byKey = new Map(current.map((c) => [rowKey(c), c]))
      const conflicts: ErrorDetail[] = []
      for (const r of resolved) {
        if (r.input.version === undefined) continue
        const cur = byKey.get(keyOf(r))
        const currentVersion = cur?.version ?? 0
        if (currentVersion !== r.input.version)
          conflicts.push({
            path: `values[${r.index}]`,
            message: `"${r.input.element}" was changed by someone else (version ${currentVersion}, you had ${r.input.version})`,
            current: {
              value: cur ? publicValue(catalog, r.elementId, cur.value, cur.text_value) : null,
              version: currentVersion,
            },
          })
      }
      if (conflicts.length)
        throw new DomainError('conflict', 'conflict', conflicts.map((c) => c.message).join('; '), conflicts)

      const now = new Date()
      const versions = new Map<string, number>()
      // Audit entries: action, key, org unit, old and new value (as JSON values, null: none).
      const audit: { a: string; k: string; o: number; ov: unknown; nv: unknown }[] = []
      const upserts = resolved.filter((r) => r.value !== null || r.text !== null)
      const deletes = resolved.filter((r) => r.value === null && r.text === null)
      if (upserts.length) {
        const insert = trx
          .insertInto('data_value')
          .columns([
            'org_unit_id',
            'period_id',
            'element_id',
            'option_id',
            'value',
            'text_value',
            'updated_at',
            'updated_by',
            'region_id',
          ])
          .expression(
            sql`select o, p, e, x, v, t, ${now}::timestamptz, ${actor}::text, r
                from unnest(${keyArrays(upserts)}, ${numberArray(
                  upserts.map((r) => r.value),
                  'float8',
                )}, ${upserts.map((r) => r.text)}::text[]) as u(o, p, e, x, r, v, t)`,
          )
        if (insertNew && upserts.every((r) => !byKey.has(keyOf(r)))) {
          // Only new keys (none was there to lock above), as in a first import: a plain insert, each
          // at version 1 — the upsert's conflict checks and returned rows were a tenth of a
          // 100,000-value import. A key someone else inserts meanwhile fails it (unique violation):
          // the batch is then written again as an upsert (see `attempt`).
          await insert.execute()
          for (const r of upserts) versions.set(keyOf(r), 1)
        } else {
          const written = await insert
            .onConflict((oc) =>
              oc.columns(['org_unit_id', 'period_id', 'element_id', 'option_id', 'region_id']).doUpdateSet((eb) => ({
                value: eb.ref('excluded.value'),
                text_value: eb.ref('excluded.text_value'),
                version: sql<number>`data_value.version + 1`,
                updated_at: eb.ref('excluded.updated_at'),
                updated_by: eb.ref('excluded.updated_by'),
              })),
            )
            .returning(['org_unit_id', 'period_id', 'element_id', 'option_id', 'version'])
            .execute()
          for (const w of written) versions.set(rowKey(w), w.version)
        }
      }
      if (deletes.length) {
        await trx
          .deleteFrom('data_value')
          .where(
            sql<boolean>`(org_unit_id, period_id, element_id, option_id, region_id) in (
            select * from unnest(${keyArrays(deletes)}))`,
          )
          .execute()
      }
      for (const r of resolved) {
        const cur = byKey.get(keyOf(r))
        const oldValue = cur ? publicValue(catalog, r.elementId, cur.value, cur.text_value) : null
        const newValue = publicValue(catalog, r.elementId, r.value, r.text)
        if (cur && oldValue === newValue) continue
        if (!cur && newValue === null) continue
        audit.push({
          a: newValue === null ? 'delete' : cur ? 'update' : 'create',
          k: `${r.input.element}|${r.input.option ?? ''}|${r.orgUnitId}|${r.input.period}`,
          o: r.orgUnitId,
          ov: oldValue,
          nv: newValue,
        })
      }
      if (audit.length)
        // One JSON document of the entries, not a bind array per column: node-postgres escapes each
        // text element of an array itself, which for a 100,000-value import took longer than the insert.
        await trx
          .insertInto('audit_log')
          .columns(['actor', 'action', 'entity', 'entity_key', 'org_unit_id', 'old_value', 'new_value'])
          .expression(
            sql`select ${actor}::text, a, 'data_value', k, o, ov, nv
              from json_to_recordset(${JSON.stringify(audit)}::json) as u(a text, k text, o int, ov jsonb, nv jsonb)`,
          )
          .execute()
      return resolved.map((r) => result(catalog, r, versions.get(keyOf(r)) ?? 0))
    })
  try {
    return await attempt(true)
  } catch (e) {
    // A key written meanwhile by someone else made the plain insert of new keys fail (see
    // `insertNew` above): written again as an upsert, as if it had been one from the start.
    if (isDuplicateValue(e)) return attempt(false)
    throw e
  }
}

/** A unique violation on the values' key (PostgreSQL's and PGlite's errors carry the SQLSTATE). */
function isDuplicateValue(e: unknown): boolean {
  const err = e as { code?: unknown; table?: unknown; message?: unknown }
  return (
    err?.code === '23505' &&
    (String(err.table ?? '').startsWith('data_value') || String(err.message).includes('data_value'))
  )
}

/** The key columns of `rows` as arguments of `unnest`: org unit, period, element, option, region. */
const keyArrays = (rows: readonly Resolved[]) =>
  sql.join(
    [
      (r: Resolved) => r.orgUnitId,
      (r: Resolved) => r.periodId,
      (r: Resolved) => r.elementId,
      (r: Resolved) => r.optionId,
      (r: Resolved) => r.regionId,
    ].map((pick) => numberArray(rows.map(pick), 'int')),
  )

const keyOf = (r: Resolved) => `${r.orgUnitId}:${r.periodId}:${r.elementId}:${r.optionId}`
/** The same key of a stored row. */
const rowKey = (v: Pick<DataValue, 'org_unit_id' | 'period_id' | 'element_id' | 'option_id'>) =>
  `${v.org_unit_id}:${v.period_id}:${v.element_id}:${v.option_id}`

function publicValue(
  catalog: Catalog,
  elementId: number,
  value: number | null,
  text: string | null,
): number | boolean | string | null {
  const type = catalog.elementsById.get(elementId)?.definition.valueType
  if (type === 'text' || type === 'document') return text
  if (value === null) return null
  return type === 'boolean' ? value !== 0 : value
}

function result(catalog: Catalog, r: Resolved, version: number): WrittenValue {
  return {
    orgUnit: r.orgUnitId,
    period: r.input.period,
    element: r.input.element,
    option: r.input.option ?? null,
    value: publicValue(catalog, r.elementId, r.value, r.text),
    version,
  }
}

async function resolveInputs(
  db: Kysely<Database>,
  catalog: Catalog,
  inputs: ValueInput[],
): Promise<{ resolved: Resolved[]; campaigns: CollectionPlans }> {
  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'level', 'path'])
    .where('id', 'in', inputs.length ? [...new Set(inputs.map((i) => i.orgUnit))] : [-1])
    .execute()
  const unitById = new Map(units.map((u) => [u.id, u]))
  const periods = await db
    .selectFrom('period')
    .select(['id', 'code'])
    .where('code', 'in', inputs.length ? [...new Set(inputs.map((i) => i.period))] : [''])
    .execute()
  const periodByCode = new Map(periods.map((p) => [p.code, p.id]))
  const enabledByRegion = new Map<number, Set<string>>()
  const regionIds = [...new Set(units.map(regionIdOf))]
  for (const regionId of regionIds)
    enabledByRegion.set(regionId, new Set(await enabledPluginIds(db, catalog, regionId)))
  const plans = await CollectionPlans.load(db, regionIds, [...periodByCode.values()])

  const details: ErrorDetail[] = []
  const seen = new Map<string, number>()
  const resolved: Resolved[] = []
  inputs.forEach((input, index) => {
    const at = (field?: string) => (field ? `values[${index}].${field}` : `values[${index}]`)
    const fail = (field: string | undefined, message: string) => details.push({ path: at(field), message })
    const el = catalog.elements.get(input.element)
    const unit = unitById.get(input.orgUnit)
    const periodId = periodByCode.get(input.period)
    if (!el) fail('element', `unknown data element "${input.element}"`)
    if (!unit) fail('orgUnit', `org unit ${input.orgUnit} does not exist`)
    if (periodId === undefined) fail('period', `unknown period "${input.period}"`)
    if (!el || !unit || periodId === undefined) return
    if (el.owner) {
      // A local element is collected only in its owner's subtree.
      if (!inSubtree(unit, el.owner))
        return fail('element', `"${input.element}" is a local element of org unit ${el.owner.id}, not collected here`)
    } else {
      // A core element is written when some direction that uses it is enabled and collected.
      const directions = el.directions ?? [el.pluginId]
      if (!directions.length)
        return fail('element', `"${input.element}" is a core element no direction uses: none collects it`)
      const enabled = directions.filter((d) => enabledByRegion.get(regionIdOf(unit))?.has(d))
      if (!enabled.length)
        return fail('element', `the direction "${directions.join('", "')}" is not enabled for this region`)
      if (!enabled.some((d) => plans.collects(regionIdOf(unit), periodId, d)))
        return fail(
          'element',
          `the direction "${enabled.join('", "')}" is not collected in ${input.period} (the region's campaign)`,
        )
    }
    let optionId = 0
    const option = input.option ?? null
    if (option !== null) {
      const dim = el.definition.dimension
      const id = dim ? catalog.optionId(dim, option) : undefined
      if (!dim) return fail('option', `"${input.element}" has no breakdown`)
      if (id === undefined) return fail('option', `"${option}" is not an option of ${dim}`)
      optionId = id
    }
    const checked = checkValue(el, input.value, unit.level, plans.entryDepth(regionIdOf(unit), periodId, el))
    if (!checked.ok) return fail(checked.field, checked.message)
    const key = `${unit.id}:${periodId}:${el.id}:${optionId}`
    const first = seen.get(key)
    if (first !== undefined)
      return fail(undefined, `duplicates values[${first}] (same org unit, period, element and option)`)
    seen.set(key, index)
    resolved.push({
      input,
      index,
      orgUnitId: unit.id,
      regionId: regionIdOf(unit),
      periodId,
      elementId: el.id,
      optionId,
      value: checked.value,
      text: checked.text,
    })
  })
  if (details.length)
    throw new DomainError(
      'invalid',
      'invalid_request',
      `${details.length} invalid value(s): ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      details,
    )
  await refuseRegistrySourced(db, catalog, resolved, (r) => regionIdOf(unitById.get(r.orgUnitId)!))
  return { resolved, campaigns: plans }
}

/**
 * Refuses (409 `registry_sourced`) a batch with values of derived elements that the region's
 * campaign counts from the teacher registry: they are computed, never typed. Each refused item is
 * named with its element, so a form or an import shows where.
 */
async function refuseRegistrySourced(
  db: Kysely<Database>,
  catalog: Catalog,
  resolved: readonly Resolved[],
  regionOf: (r: Resolved) => number,
): Promise<void> {
  const derived = resolved.filter((r) => catalog.elementsById.get(r.elementId)?.definition.derived)
  if (!derived.length) return
  const periodIds = [...new Set(derived.map((r) => r.periodId))]
  const sourced = new Set<string>()
  for (const regionId of new Set(derived.map(regionOf))) {
    const byPeriod = await registrySourcedElements(db, catalog, regionId, periodIds)
    for (const [periodId, elements] of byPeriod)
      for (const e of elements) sourced.add(`${regionId}:${periodId}:${e.id}`)
  }
  const details: ErrorDetail[] = derived
    .filter((r) => sourced.has(`${regionOf(r)}:${r.periodId}:${r.elementId}`))
    .map((r) => ({
      path: `values[${r.index}].element`,
      message: `"${r.input.element}" is counted from the teacher registry in ${r.input.period} (the region's campaign): it is not entered`,
      element: r.input.element,
      registrySourced: true,
    }))
  if (details.length)
    throw new DomainError(
      'conflict',
      'registry_sourced',
      `${[...new Set(details.map((d) => `"${String(d.element)}"`))].join(', ')} ${details.length > 1 ? 'are' : 'is'} counted from the teacher registry in this campaign: not entered`,
      details,
    )
}
