import { sql, type Database, type Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { LOCAL_GROUP, type Catalog, type CatalogElement } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { readCampaign } from '../collection/campaigns/campaigns.ts'
import { CollectionPlans } from '../collection/campaigns/collection-plan.ts'
import { invalid } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { isJump, isLate, outliers } from './checks.ts'

/** Why a value (or a unit's direction) deserves a second look. */
export type QualityReason = 'jump' | 'outlier' | 'missing' | 'late' | 'disagreed'
export const QUALITY_REASONS: readonly QualityReason[] = ['missing', 'late', 'outlier', 'jump', 'disagreed']

/** One advisory flag; `plugin` with `orgUnit` and the period opens the entry form at the value. */
export interface QualityFlag {
  orgUnit: number
  orgUnitName: string
  plugin: string
  /** null for a whole direction (missing, late). */
  dataElement: string | null
  elementTitle: string | null
  option: string | null
  /** The value entered; for `missing` the number of required values absent; for `late` the submission date. */
  value: number | string | null
  reason: QualityReason
  /**
   * The reference: previous value (jump), peers' median (outlier), values required (missing), deadline
   * (late); for `disagreed` (the directions' copies of a core element disagreed when merged, the largest
   * kept: `value`) the copies, `deficits.teachers_total=40, staffing.teachers_total=42`.
   */
  expected: number | string | null
}

interface Unit {
  id: number
  name: string
  path: string
  level: number
  kind: string
}

const NUMERIC = new Set(['integer', 'number'])
const round = (v: number) => Math.round(v * 1e6) / 1e6

/**
 * Data-quality flags over the values entered in a unit's subtree for a period: jumps against the
 * unit's previous period, outliers among peers (same level and kind: schools among schools),
 * required values missing per unit and direction, and directions submitted after the campaign's
 * monitoring deadline (of a stored campaign) or not submitted by it. Advisory only: nothing is blocked or changed.
 *
 * @example
 * await dataQuality(db, catalog, scope, { orgUnit: region.id, period: '2025-26' })
 * // { flags: [{ orgUnit: 42, dataElement: 'deficits.teachers_total', value: 1000, reason: 'outlier', expected: 20, … }] }
 */
export async function dataQuality(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  q: { orgUnit: number; period: string; reason?: QualityReason | undefined },
): Promise<{ period: string; previousPeriod: string | null; flags: QualityFlag[] }> {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  const regionId = regionIdOf(unit)
  const periods = await db.selectFrom('period').select(['id', 'code']).orderBy('starts_on').execute()
  const at = periods.findIndex((p) => p.code === q.period)
  if (at < 0) throw invalid([{ path: 'period', message: `unknown period "${q.period}"` }])
  const period = periods[at]!
  const previous = at > 0 ? periods[at - 1]! : null
  const want = (r: QualityReason) => q.reason === undefined || q.reason === r

  const [view, enabled, plans, units] = await Promise.all([
    // Local elements owned inside the subtree too: a region sees its municipalities' values.
    catalogFor(db, catalog, [unit], { subtrees: [unit.path] }),
    enabledPluginIds(db, catalog, regionId),
    CollectionPlans.load(db, [regionId], [period.id]),
    db
      .selectFrom('org_unit')
      .select(['id', 'name', 'path', 'level', 'kind'])
      .where('path', 'like', `${unit.path}%`)
      .orderBy('path')
      .execute() as Promise<Unit[]>,
  ])
  const on = new Set(enabled)
  // A core element counts under each direction that collects it (its "missing" is that direction's).
  const directionsOf = (e: CatalogElement) =>
    (e.directions ?? [e.pluginId]).filter(
      (d) => (d === LOCAL_GROUP || on.has(d)) && plans.collects(regionId, period.id, d),
    )
  const collected = (e: CatalogElement) => directionsOf(e).length > 0
  const elements = [...view.elements.values()].filter(collected)
  const unitsById = new Map(units.map((u) => [u.id, u]))
  const optionCode = (id: number) => (id === 0 ? null : (view.optionsById.get(id)?.code ?? null))

  const values = await db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select(['v.org_unit_id', 'v.period_id', 'v.element_id', 'v.option_id', 'v.value', 'v.text_value'])
    .where('o.path', 'like', `${unit.path}%`)
    .where('v.period_id', 'in', previous ? [period.id, previous.id] : [period.id])
    .where((eb) => eb.or([eb('v.value', 'is not', null), eb('v.text_value', 'is not', null)]))
    .execute()

  const flags: QualityFlag[] = []
  const flag = (
    u: Unit,
    e: CatalogElement | null,
    plugin: string,
    rest: Pick<QualityFlag, 'option' | 'value' | 'reason' | 'expected'>,
  ) =>
    flags.push({
      orgUnit: u.id,
      orgUnitName: u.name,
      plugin,
      dataElement: e?.definition.code ?? null,
      elementTitle: e?.definition.title.ru ?? null,
      ...rest,
    })

  // Numeric values of this period, and the previous period's by key.
  const numeric = new Map(elements.filter((e) => NUMERIC.has(e.definition.valueType)).map((e) => [e.id, e]))
  const before = new Map<string, number>()
  const current: { unit: Unit; element: CatalogElement; optionId: number; value: number }[] = []
  for (const v of values) {
    const element = numeric.get(v.element_id)
    const u = unitsById.get(v.org_unit_id)
    if (!element || !u || v.value === null) continue
    if (v.period_id === period.id) current.push({ unit: u, element, optionId: v.option_id, value: v.value })
    else before.set(`${v.org_unit_id}:${v.element_id}:${v.option_id}`, v.value)
  }

  if (want('outlier')) {
    const peers = new Map<string, typeof current>()
    // Totals only: a breakdown's small numbers say more about a school's profile than about a slip.
    for (const c of current) {
      if (c.optionId !== 0) continue
      const key = `${c.element.id}:${c.unit.level}:${c.unit.kind}`
      let list = peers.get(key)
      if (!list) peers.set(key, (list = []))
      list.push(c)
    }
    for (const list of peers.values()) {
      const found = outliers(list.map((c) => c.value))
      for (const i of found.indexes) {
        const c = list[i]!
        flag(c.unit, c.element, directionsOf(c.element)[0] ?? c.element.pluginId, {
          option: optionCode(c.optionId),
          value: c.value,
          reason: 'outlier',
          expected: round(found.median),
        })
      }
    }
  }

  if (want('jump') && previous) {
    const jumped = (c: (typeof current)[number]) => {
      const last = before.get(`${c.unit.id}:${c.element.id}:${c.optionId}`)
      return last !== undefined && isJump(c.value, last) ? last : undefined
    }
    // An option's jump is told only when its total did not jump: one slip, one flag.
    const totals = new Set(
      current.filter((c) => c.optionId === 0 && jumped(c) !== undefined).map((c) => `${c.unit.id}:${c.element.id}`),
    )
    for (const c of current) {
      if (c.optionId !== 0 && totals.has(`${c.unit.id}:${c.element.id}`)) continue
      const last = jumped(c)
      if (last !== undefined)
        flag(c.unit, c.element, directionsOf(c.element)[0] ?? c.element.pluginId, {
          option: optionCode(c.optionId),
          value: c.value,
          reason: 'jump',
          expected: last,
        })
    }
  }

  // Which directions each unit enters (some element at its level), for `missing` and `late`.
  const entered = new Map<number, Map<string, CatalogElement[]>>()
  for (const u of units)
    for (const e of elements) {
      if (plans.entryDepth(regionId, period.id, e) !== u.level) continue
      if (e.owner && !u.path.startsWith(e.owner.path)) continue
      let byPlugin = entered.get(u.id)
      if (!byPlugin) entered.set(u.id, (byPlugin = new Map()))
      for (const d of directionsOf(e)) byPlugin.set(d, [...(byPlugin.get(d) ?? []), e])
    }

  if (want('disagreed')) {
    const merged = await sql<{
      org_unit_id: number
      element_code: string
      option_id: number
      kept: number
      copies: string
    }>`
      select m.org_unit_id, m.element_code, m.option_id, max(m.kept_value) as kept,
             string_agg(m.source_code || '=' || m.source_value, ', ' order by m.source_code) as copies
      from core_element_merge m join org_unit o on o.id = m.org_unit_id
      where m.period_id = ${period.id} and o.path like ${`${unit.path}%`}
      group by m.org_unit_id, m.element_code, m.option_id
    `.execute(db)
    for (const m of merged.rows) {
      const u = unitsById.get(m.org_unit_id)
      const e = view.elements.get(m.element_code)
      if (!u || !e) continue
      flag(u, e, directionsOf(e)[0] ?? e.pluginId, {
        option: optionCode(m.option_id),
        value: Number(m.kept),
        reason: 'disagreed',
        expected: m.copies,
      })
    }
  }

  if (want('missing')) {
    const present = new Set(
      values
        .filter((v) => v.period_id === period.id && v.option_id === 0)
        .map((v) => `${v.org_unit_id}:${v.element_id}`),
    )
    for (const u of units)
      for (const [plugin, list] of entered.get(u.id) ?? []) {
        const required = list.filter((e) => e.definition.required && e.definition.valueType !== 'document')
        const absent = required.filter((e) => !present.has(`${u.id}:${e.id}`)).length
        if (absent) flag(u, null, plugin, { option: null, value: absent, reason: 'missing', expected: required.length })
      }
  }

  // Late only against a stored campaign: without one the region set no deadline (as the entry locks hold).
  const campaign = want('late') ? await readCampaign(db, regionId, period.code) : null
  if (campaign?.stored) {
    const { monitoringDue } = campaign
    const today = new Date().toISOString().slice(0, 10)
    const submitted = await sql<{ org_unit_id: number; plugin_id: string; state: string; submitted_on: string | null }>`
      select s.org_unit_id, s.plugin_id, s.state,
             to_char(coalesce(
               (select max(a.at) from audit_log a
                 where a.entity = 'submission' and a.action = 'submit' and a.org_unit_id = s.org_unit_id
                   and a.entity_key = s.plugin_id || '|' || s.org_unit_id || '|' || ${period.code}),
               s.updated_at), 'YYYY-MM-DD') as submitted_on
      from submission s join org_unit o on o.id = s.org_unit_id
      where s.period_id = ${period.id} and o.path like ${`${unit.path}%`}
    `.execute(db)
    const states = new Map(submitted.rows.map((r) => [`${r.org_unit_id}:${r.plugin_id}`, r]))
    for (const u of units)
      for (const plugin of (entered.get(u.id) ?? new Map()).keys()) {
        const s = states.get(`${u.id}:${plugin}`)
        const submittedOn = s && (s.state === 'submitted' || s.state === 'approved') ? s.submitted_on : null
        if (isLate({ deadline: monitoringDue, submittedOn, today }))
          flag(u, null, plugin, { option: null, value: submittedOn, reason: 'late', expected: monitoringDue })
      }
  }

  const order = (r: QualityReason) => QUALITY_REASONS.indexOf(r)
  const paths = new Map(units.map((u) => [u.id, u.path]))
  flags.sort(
    (a, b) =>
      order(a.reason) - order(b.reason) ||
      paths.get(a.orgUnit)!.localeCompare(paths.get(b.orgUnit)!) ||
      a.plugin.localeCompare(b.plugin) ||
      (a.dataElement ?? '').localeCompare(b.dataElement ?? '') ||
      (a.option ?? '').localeCompare(b.option ?? ''),
  )
  return { period: period.code, previousPeriod: previous?.code ?? null, flags }
}
