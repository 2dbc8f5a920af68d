/** A reporting period to generate data for. */
export interface PeriodSpec {
  code: string
  title: string
  startsOn: string
  endsOn: string
}

/** What to generate: the size of the region and how its data looks. */
export interface GenerateOptions {
  /** Default 'Демонстрационный край'. */
  regionName?: string
  /**
   * Keep the latest period's data entry open until at least this date (YYYY-MM-DD), as a region
   * admin extending the deadline would: the demo then lets schools enter data today.
   */
  openLatestUntil?: string
  /** Number of municipalities: 12 for the demo, 60 for the benchmark. */
  municipalities: number
  /** Number of organisations (at least 3 per municipality), spread unevenly: ~200 demo, 1000 benchmark. */
  organizations: number
  /** Default: academic years 2023-24, 2024-25, 2025-26 (1 September – 31 August). */
  periods?: PeriodSpec[]
  /** Default 1; the same seed gives identical data. */
  seed?: number
  /** Default 0.03: the share of (organisation, plugin, period) that reported nothing. */
  missingRate?: number
}

/** What was generated, and how long the data values took to load. */
export interface GenerateResult {
  regionId: number
  municipalities: number
  organizations: number
  periods: number
  /** data_value rows written. */
  values: number
  /** Milliseconds spent computing and bulk-loading the data values. */
  loadMs: number
}

/** Academic years starting in `fromYear`, `fromYear + 1`, … */
export function academicYears(fromYear: number, count: number): PeriodSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const y = fromYear + i
    return {
      code: `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
      title: `${y}/${y + 1} учебный год`,
      startsOn: `${y}-09-01`,
      endsOn: `${y + 1}-08-31`,
    }
  })
}

/** The defaults of {@link GenerateOptions}. */
export const DEFAULTS = {
  regionName: 'Демонстрационный край',
  periods: academicYears(2023, 3),
  seed: 1,
  missingRate: 0.03,
} as const
