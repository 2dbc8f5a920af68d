import { analyticsVersion, type Database, type Kysely, type OrgUnit } from '@profmon/db'
import type { Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { computeAnalytics, type AnalyticsRow } from './analytics.ts'
import { AnswerCache } from './answer-cache.ts'

/** What `GET /api/analytics` is asked: no periods = the latest; no indicators = every enabled one. */
export interface AnalyticsQuestion {
  level: 'self' | 'children'
  periods: readonly string[]
  indicators: readonly string[]
}

/** An answer: its rows (shared, never to be changed) and their JSON, `{ rows }`, as the endpoint sends it. */
export interface AnalyticsAnswer {
  rows: readonly AnalyticsRow[]
  body: string
}

/** Kept answers per installed catalog (one per server). */
const kept = new WeakMap<Catalog, AnswerCache<AnalyticsAnswer>>()

/**
 * The analytics of a unit — `computeAnalytics` with the unit's local definitions — or the answer
 * an earlier caller got for the same question while nothing it read has changed since. The
 * version of the data (`analyticsVersion`, kept by the writing transactions) is read before
 * anything else, so a kept answer is at least as new as what the caller could see: a value
 * written is in the next answer. The caller checks access first.
 *
 * @example
 * const { rows } = await analyticsAnswer(db, catalog, unit, { level: 'children', periods: ['2025-26'], indicators: [] })
 */
export async function analyticsAnswer(
  db: Kysely<Database>,
  catalog: Catalog,
  asked: Pick<OrgUnit, 'id' | 'path'>,
  question: AnalyticsQuestion,
): Promise<AnalyticsAnswer> {
  let answers = kept.get(catalog)
  if (!answers) kept.set(catalog, (answers = new AnswerCache((a) => a.body.length * 2)))
  const key = [
    await analyticsVersion(db, regionIdOf(asked)),
    asked.id,
    question.level,
    question.periods.join(','),
    question.indicators.join(','),
  ].join('|')
  const found = answers.get(key)
  if (found) return found
  // Read again after the version: a move between the two reads is then in the answer.
  const unit = await getOrgUnit(db, asked.id)
  const [view, periods] = await Promise.all([
    catalogFor(db, catalog, [unit]),
    question.periods.length
      ? [...question.periods]
      : db
          .selectFrom('period')
          .select('code')
          .orderBy('starts_on', 'desc')
          .limit(1)
          .execute()
          .then((rows) => rows.map((p) => p.code)),
  ])
  const rows = await computeAnalytics(db, view, {
    unit,
    level: question.level,
    periods,
    indicators: [...question.indicators],
  })
  for (const row of rows) Object.freeze(row)
  return answers.set(key, { rows: Object.freeze(rows), body: JSON.stringify({ rows }) })
}
