import type { DataElement, Indicator, LocalizedText, Status } from '@profmon/contract'

/** An org unit as the API returns it. */
export interface OrgUnit {
  id: number
  name: string
  shortName: string | null
  level: number
  kind: string
  path: string
  parentId: number | null
  childCount: number
}

export interface Period {
  code: string
  title: string
  startsOn: string
  endsOn: string
}

/** A plugin enabled for the user's region (`GET /api/plugins`). */
export interface EnabledPlugin {
  id: string
  version: string
  title: LocalizedText
  shortTitle: LocalizedText | null
  description: LocalizedText | null
  order: number
  indicators: number
  dataElements: number
  remoteEntry: string | null
  remoteName: string | null
  exposes: string[]
}

/** One row of `GET /api/analytics`. */
export interface AnalyticsRow {
  indicator: string
  orgUnit: number
  period: string
  option: string | null
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  status: Status | null
  score: number | null
}

export interface DimensionDefinition {
  code: string
  title: LocalizedText
  options: { code: string; title: LocalizedText }[]
}

export interface PluginDefinitions {
  id: string
  title: LocalizedText
  dataElements: DataElement[]
  indicators: Indicator[]
}
