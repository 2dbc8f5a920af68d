import type { Database, Kysely } from '@profmon/db'
import type { Indicator } from '@profmon/contract'

/** Whether an indicator's evidence is complete for a unit and period. */
export type EvidenceGate = (indicator: Indicator, unitId: number, periodId: number) => boolean

/**
 * Loads which presence indicators have every required document attached, for the given units
 * and periods — the documents of the unit itself, also for a municipality or region row. A
 * presence "yes" counts only with them (seed 001: "наличие … подтверждающие документы").
 * Indicators without evidence always pass; nothing is read when no indicator needs evidence.
 *
 * @example
 * const gate = await loadEvidenceGate(db, [munA], [period], [analysisPresence])
 * gate(analysisPresence, munA.id, period.id) // false until the analytical report is uploaded
 */
export async function loadEvidenceGate(
  db: Kysely<Database>,
  units: { id: number }[],
  periods: { id: number }[],
  indicators: Indicator[],
): Promise<EvidenceGate> {
  const needing = indicators.filter((i) => i.kind === 'presence' && i.evidence.length)
  if (!needing.length || !units.length || !periods.length) return () => true
  const rows = await db
    .selectFrom('document')
    .select(['org_unit_id', 'period_id', 'indicator_code', 'document_code'])
    .distinct()
    .where(
      'org_unit_id',
      'in',
      units.map((u) => u.id),
    )
    .where(
      'period_id',
      'in',
      periods.map((p) => p.id),
    )
    .where(
      'indicator_code',
      'in',
      needing.map((i) => i.code),
    )
    .execute()
  const attached = new Set(rows.map((r) => `${r.indicator_code}|${r.document_code}|${r.org_unit_id}|${r.period_id}`))
  return (indicator, unitId, periodId) =>
    indicator.kind !== 'presence' ||
    indicator.evidence.every((e) => attached.has(`${indicator.code}|${e.code}|${unitId}|${periodId}`))
}
