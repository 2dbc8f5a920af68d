/**
 * A region's deadlines for one period (ISO dates).
 *
 * @example
 * const d: Deadlines = { monitoringDue: '2025-01-20', analysisDue: '2025-03-30', measuresDue: '2025-12-31', effectivenessDue: '2026-08-31' }
 */
export interface Deadlines {
  monitoringDue: string
  analysisDue: string
  measuresDue: string
  effectivenessDue: string
}

/**
 * Seed 004's yearly cycle for a period ending in year Y: monitoring by 20 January Y, analysis by
 * 30 March Y, measures by 31 December Y, effectiveness by 31 August Y + 1.
 *
 * @example
 * defaultDeadlines('2025-08-31').monitoringDue // '2025-01-20'
 */
export function defaultDeadlines(periodEndsOn: string): Deadlines {
  const year = Number(periodEndsOn.slice(0, 4))
  return {
    monitoringDue: `${year}-01-20`,
    analysisDue: `${year}-03-30`,
    measuresDue: `${year}-12-31`,
    effectivenessDue: `${year + 1}-08-31`,
  }
}
