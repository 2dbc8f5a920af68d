import { defaultEffectiveGap, measureVerdictOf, speaksFor, verdictOf, type Verdict } from '@profmon/contract/rules'
import type { Polarity } from '@profmon/contract'
import type { Database, Kysely, OrgUnit } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { computeAnalytics, type AnalyticsRow } from '../analytics/analytics.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Catalog, CatalogIndicator } from '../catalog/catalog.ts'
import { catalogFor, revisionFor } from '../catalog/local-definitions.ts'
import { decisionsBehind } from '../decisions/decisions.ts'
import { invalid } from '../errors.ts'
import { loadTargetResolver } from '../goals/effective-targets.ts'
import { getMeasure, measuresOfUnits, measuresWithIds, type MeasureView } from '../measures/measures.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { findPeriod, neighbourPeriods, type PeriodRef } from '../org/periods.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'

/** One indicator of a measure: its value when the measure was taken and a period later. */
export interface IndicatorEffect {
  indicator: string
  title: string
  plugin: string
  polarity: Polarity
  /** The value at period t, when the measure was taken. */
  baseline: number | null
  /** The value at period t+1. */
  after: number | null
  /** What the measure expected at t+1 (its own value, else the target in force at t+1). */
  expected: number | null
  change: number | null
  effectiveGap: number
  verdict: Verdict
}

/** A decision behind a measure, as the effectiveness view names it. */
export interface DecisionRef {
  id: number
  kind: string
  number: string
  date: string
  title: string
}

/** A measure of period t judged on period t+1. */
export interface MeasureEffect {
  id: number
  orgUnit: number
  orgUnitName: string
  title: string
  plugin: string | null
  status: MeasureView['status']
  responsible: MeasureView['responsible']
  verdict: Verdict
  indicators: IndicatorEffect[]
  /** The responsible person's comment; the verdict itself is not editable. */
  comment: { text: string; author: string; at: string } | null
  decisions: DecisionRef[]
  /** The proposal made from it in the next period, if carried. */
  carriedTo: number | null
}

export type VerdictCounts = Record<Verdict, number>

/** A not-met indicator of period t: a proposed goal for t+1. */
export interface GoalProposal {
  indicator: string
  title: string
  plugin: string
  value: number | null
  target: number | null
  status: 'not_met'
}

export interface Effectiveness {
  orgUnit: number
  period: string
  /** The period the measures are judged on; null when it does not exist yet. */
  nextPeriod: string | null
  measures: MeasureEffect[]
  summary: {
    total: VerdictCounts
    /** Per direction: the verdicts and how many decisions stand behind its measures. */
    byPlugin: { plugin: string | null; counts: VerdictCounts; decisions: number }[]
    /** Per child unit (a region's municipalities, a municipality's schools): their own measures. */
    children: { orgUnit: number; orgUnitName: string; counts: VerdictCounts }[]
  }
  proposals: { indicators: GoalProposal[] }
}

const zero = (): VerdictCounts => ({ effective: 0, partly: 0, not_effective: 0, no_data: 0 })

const definitionOf = (ind: CatalogIndicator, period: string) =>
  (ind.local ? revisionFor(ind, period).compiled : ind.compiled).indicator

const round = (v: number) => Math.round(v * 1e6) / 1e6

/**
 * Judges measures of one unit (`self`) or of the unit's children against their linked indicators'
 * values at t and t+1, all from `computeAnalytics` — the same aggregation and formulas as
 * `/api/analytics`, so a verdict never quotes a figure the analytics would not show.
 */
async function judge(
  db: Kysely<Database>,
  catalog: Catalog,
  root: OrgUnit,
  level: 'self' | 'children',
  measures: MeasureView[],
  period: PeriodRef,
  next: PeriodRef | undefined,
): Promise<Map<number, { verdict: Verdict; indicators: IndicatorEffect[] }>> {
  const out = new Map<number, { verdict: Verdict; indicators: IndicatorEffect[] }>()
  if (!measures.length) return out
  const units =
    level === 'self'
      ? [root]
      : await db
          .selectFrom('org_unit')
          .selectAll()
          .where('id', 'in', [...new Set(measures.map((m) => m.orgUnit))])
          .execute()
  const [view, enabled] = await Promise.all([
    catalogFor(db, catalog, units),
    enabledPluginIds(db, catalog, regionIdOf(root)),
  ])
  const on = new Set(enabled)
  const codes = [...new Set(measures.flatMap((m) => m.indicators))].filter((code) => {
    const ind = view.indicators.get(code)
    return ind !== undefined && (ind.local !== undefined || on.has(ind.pluginId))
  })
  const periods = [period, ...(next ? [next] : [])]
  const [rows, resolve] = await Promise.all([
    codes.length
      ? computeAnalytics(db, view, { unit: root, level, periods: periods.map((p) => p.code), indicators: codes })
      : Promise.resolve([] as AnalyticsRow[]),
    loadTargetResolver(db, units, [period], codes),
  ])
  const value = new Map<string, AnalyticsRow>()
  for (const r of rows) if (r.option === null) value.set(`${r.orgUnit}|${r.period}|${r.indicator}`, r)
  const unitById = new Map(units.map((u) => [u.id, u]))

  for (const m of measures) {
    const unit = unitById.get(m.orgUnit)!
    const indicators = m.indicators.map((code): IndicatorEffect => {
      const ind = view.indicators.get(code)
      const known = ind !== undefined && codes.includes(code)
      const def = ind ? definitionOf(ind, period.code) : undefined
      const at = known ? value.get(`${m.orgUnit}|${period.code}|${code}`) : undefined
      const later = known && next ? value.get(`${m.orgUnit}|${next.code}|${code}`) : undefined
      const baseline = at?.value ?? null
      const after = later?.value ?? null
      const expected = m.expected[code] ?? later?.target ?? null
      const polarity = def?.polarity ?? 'higher'
      const effectiveGap = def
        ? (resolve(def, unit, period)?.effectiveGap ?? defaultEffectiveGap(def.kind))
        : defaultEffectiveGap('value')
      return {
        indicator: code,
        title: def?.title.ru ?? code,
        plugin: ind?.pluginId ?? '',
        polarity,
        baseline,
        after,
        expected,
        change: baseline === null || after === null ? null : round(after - baseline),
        effectiveGap,
        verdict: known ? verdictOf({ baseline, after, expected, polarity, effectiveGap }) : 'no_data',
      }
    })
    out.set(m.id, { verdict: measureVerdictOf(indicators.map((i) => i.verdict)), indicators })
  }
  return out
}

/**
 * Judges given measures of one unit and period — the effectiveness columns of a decision's page.
 *
 * @example
 * const effects = await effectsOf(db, catalog, scope, munA, '2024-25', [measure])
 */
export async function effectsOf(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  unit: OrgUnit,
  periodCode: string,
  measures: MeasureView[],
): Promise<MeasureEffect[]> {
  const period = await findPeriod(db, periodCode)
  const { next } = await neighbourPeriods(db, period)
  const judged = await judge(db, catalog, unit, 'self', measures, period, next)
  return withExtras(db, scope, measures, judged)
}

/** What a decision changed: each linked measure judged, and each linked indicator before and after. */
export interface DecisionChanges {
  measures: MeasureEffect[]
  indicators: { indicator: string; title: string; before: number | null; after: number | null; change: number | null }[]
}

/**
 * What a decision changed: its measures (each judged in its own unit and period) and the
 * indicators it names directly, at the decision's unit in its period and the next one.
 *
 * @example
 * const { measures, indicators } = await decisionChanges(db, catalog, scope, decision)
 */
export async function decisionChanges(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  decision: { orgUnit: number; period: string; measures: number[]; indicators: string[] },
): Promise<DecisionChanges> {
  const linked = (await measuresWithIds(db, decision.measures)).filter((m) => scope.canRead({ path: m.unitPath }))
  const groups = new Map<string, MeasureView[]>()
  for (const m of linked) {
    const key = `${m.orgUnit}|${m.period}`
    groups.set(key, [...(groups.get(key) ?? []), m])
  }
  const measures = (
    await Promise.all(
      [...groups.values()].map(async (ms) =>
        effectsOf(db, catalog, scope, await getOrgUnit(db, ms[0]!.orgUnit), ms[0]!.period, ms),
      ),
    )
  ).flat()
  measures.sort((a, b) => decision.measures.indexOf(a.id) - decision.measures.indexOf(b.id))

  const unit = await getOrgUnit(db, decision.orgUnit)
  const period = await findPeriod(db, decision.period)
  const { next } = await neighbourPeriods(db, period)
  const [view, enabled] = await Promise.all([
    catalogFor(db, catalog, [unit]),
    enabledPluginIds(db, catalog, regionIdOf(unit)),
  ])
  const codes = decision.indicators.filter((code) => {
    const ind = view.indicators.get(code)
    return ind !== undefined && (ind.local !== undefined || enabled.includes(ind.pluginId))
  })
  const periods = [period.code, ...(next ? [next.code] : [])]
  const rows = codes.length ? await computeAnalytics(db, view, { unit, level: 'self', periods, indicators: codes }) : []
  const valueAt = (code: string, p: string | undefined) =>
    rows.find((r) => r.indicator === code && r.period === p && r.option === null)?.value ?? null
  const indicators = decision.indicators.map((code) => {
    const ind = view.indicators.get(code)
    const before = valueAt(code, period.code)
    const after = valueAt(code, next?.code)
    return {
      indicator: code,
      title: ind ? definitionOf(ind, period.code).title.ru : code,
      before,
      after,
      change: before === null || after === null ? null : round(after - before),
    }
  })
  return { measures, indicators }
}

async function withExtras(
  db: Kysely<Database>,
  scope: Scope,
  measures: MeasureView[],
  judged: Map<number, { verdict: Verdict; indicators: IndicatorEffect[] }>,
): Promise<MeasureEffect[]> {
  const ids = measures.map((m) => m.id)
  const [comments, decisions, carried] = await Promise.all([
    ids.length
      ? db
          .selectFrom('effectiveness_comment')
          .select(['measure_id', 'text', 'author', 'at'])
          .where('measure_id', 'in', ids)
          .execute()
      : [],
    decisionsBehind(db, scope, ids),
    ids.length
      ? db.selectFrom('measure').select(['id', 'carried_from']).where('carried_from', 'in', ids).execute()
      : [],
  ])
  return measures.map((m) => {
    const c = comments.find((x) => x.measure_id === m.id)
    return {
      id: m.id,
      orgUnit: m.orgUnit,
      orgUnitName: m.orgUnitName,
      title: m.title,
      plugin: m.plugin,
      status: m.status,
      responsible: m.responsible,
      verdict: judged.get(m.id)?.verdict ?? 'no_data',
      indicators: judged.get(m.id)?.indicators ?? [],
      comment: c ? { text: c.text, author: c.author, at: new Date(c.at).toISOString() } : null,
      decisions: decisions
        .filter((d) => d.measures.includes(m.id))
        .map((d) => ({ id: d.id, kind: d.kind, number: d.number, date: d.date, title: d.title })),
      carriedTo: carried.find((x) => x.carried_from === m.id)?.id ?? null,
    }
  })
}

/** Measures that were really planned: proposals not confirmed yet and cancelled ones are not judged. */
const judged = (m: MeasureView) => m.status !== 'proposed' && m.status !== 'cancelled'

/**
 * The effectiveness of the measures a unit took in period t (анализ эффективности принятых мер):
 * each linked indicator at t and t+1 against the expected value, a verdict per indicator and per
 * measure, counts per direction with the decisions behind them, the same counts for each child
 * unit's own measures, and the indicators not met at t as proposed goals for t+1.
 *
 * @example
 * const e = await computeEffectiveness(db, catalog, scope, { orgUnit: munA.id, period: '2024-25' })
 * e.measures[0].verdict // 'effective'
 */
export async function computeEffectiveness(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  q: { orgUnit: number; period: string },
): Promise<Effectiveness> {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, q.period)
  const { next } = await neighbourPeriods(db, period)
  const children = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('parent_id', '=', unit.id)
    .orderBy('name')
    .execute()
  const [own, theirs] = await Promise.all([
    measuresOfUnits(db, [unit.id], period.id).then((ms) => ms.filter(judged)),
    measuresOfUnits(
      db,
      children.map((c) => c.id),
      period.id,
    ).then((ms) => ms.filter(judged)),
  ])
  const [ownJudged, childJudged] = await Promise.all([
    judge(db, catalog, unit, 'self', own, period, next),
    judge(db, catalog, unit, 'children', theirs, period, next),
  ])
  const measures = await withExtras(db, scope, own, ownJudged)

  const total = zero()
  const byPlugin = new Map<string | null, { counts: VerdictCounts; decisions: Set<number> }>()
  for (const m of measures) {
    total[m.verdict]++
    const entry = byPlugin.get(m.plugin) ?? { counts: zero(), decisions: new Set<number>() }
    entry.counts[m.verdict]++
    for (const d of m.decisions) entry.decisions.add(d.id)
    byPlugin.set(m.plugin, entry)
  }
  const childCounts = children.map((c) => {
    const counts = zero()
    for (const m of theirs) if (m.orgUnit === c.id) counts[childJudged.get(m.id)!.verdict]++
    return { orgUnit: c.id, orgUnitName: c.name, counts }
  })

  return {
    orgUnit: unit.id,
    period: period.code,
    nextPeriod: next?.code ?? null,
    measures,
    summary: {
      total,
      byPlugin: [...byPlugin.entries()]
        .map(([plugin, e]) => ({ plugin, counts: e.counts, decisions: e.decisions.size }))
        .sort((a, b) => (a.plugin ?? '').localeCompare(b.plugin ?? '')),
      children: childCounts,
    },
    proposals: { indicators: await notMet(db, catalog, unit, period) },
  }
}

/** The unit's indicators (totals) not met at the period: what to carry into the next one as goals. */
async function notMet(db: Kysely<Database>, catalog: Catalog, unit: OrgUnit, period: PeriodRef) {
  const view = await catalogFor(db, catalog, [unit])
  const rows = await computeAnalytics(db, view, { unit, level: 'self', periods: [period.code], indicators: [] })
  return rows
    .filter((r) => r.option === null && r.status === 'not_met')
    .map((r): GoalProposal => {
      const ind = view.indicators.get(r.indicator)!
      return {
        indicator: r.indicator,
        title: definitionOf(ind, period.code).title.ru,
        plugin: ind.pluginId,
        value: r.value,
        target: r.target,
        status: 'not_met',
      }
    })
}

/**
 * Sets the responsible person's comment on a measure's effectiveness: the measure's responsible
 * user, whoever plans measures on its unit, or enters data of that very unit (a school's operator).
 * An empty text removes it. Audited.
 */
export async function commentEffectiveness(
  db: Kysely<Database>,
  scope: Scope,
  measureId: number,
  text: string,
): Promise<MeasureEffect['comment']> {
  const measure = await getMeasure(db, scope, measureId)
  const unit = await getOrgUnit(db, measure.orgUnit)
  const responsible = measure.responsible.user === scope.user.id && scope.canRead(unit)
  if (!responsible && !speaksFor(scope.user.roles, unit.id)) scope.assertCanWrite(unit, 'measures', 'id')
  if (measure.status === 'proposed' || measure.status === 'cancelled')
    throw invalid([
      { path: 'id', message: `measure ${measureId} is ${measure.status}: it has no effectiveness to comment on` },
    ])
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('effectiveness_comment')
      .select(['text'])
      .where('measure_id', '=', measureId)
      .executeTakeFirst()
    let after: MeasureEffect['comment'] = null
    if (text.trim() === '') await trx.deleteFrom('effectiveness_comment').where('measure_id', '=', measureId).execute()
    else {
      const row = await trx
        .insertInto('effectiveness_comment')
        .values({ measure_id: measureId, text, author: scope.user.login })
        .onConflict((oc) => oc.column('measure_id').doUpdateSet({ text, author: scope.user.login, at: new Date() }))
        .returning(['text', 'author', 'at'])
        .executeTakeFirstOrThrow()
      after = { text: row.text, author: row.author, at: new Date(row.at).toISOString() }
    }
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'comment',
        entity: 'effectiveness',
        entityKey: String(measureId),
        orgUnitId: unit.id,
        oldValue: before ?? null,
        newValue: after,
      },
    ])
    return after
  })
}
