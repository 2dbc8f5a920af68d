import {
  coreElementsUsedBy,
  ORG_LEVEL_DEPTH,
  type DemoHint,
  type OrgLevel,
  type PluginManifest,
} from '@profmon/contract'
import type { Database, Kysely } from '@profmon/db'
import { hashString } from './random.ts'

/** Value types the generator writes: text and documents are left to people. */
export const GENERATED_VALUE_TYPES = ['integer', 'number', 'boolean'] as const
export type GeneratedValueType = (typeof GENERATED_VALUE_TYPES)[number]

/** A data element as the generator needs it, read from the synced `data_element` rows. */
export interface ElementSpec {
  id: number
  code: string
  pluginId: string
  valueType: GeneratedValueType
  aggregation: string
  /** Depth of the entry level: 1 region, 2 municipality, 3 organisation. */
  depth: number
  min: number | undefined
  max: number | undefined
  dimension: string | null
  /** `dimension_option.id`s of the dimension in display order; empty without a dimension. */
  optionIds: number[]
  demo: DemoHint
  /** The element this one is a part of (`demo.of`), when it is generated too and not circular. */
  of: ElementSpec | undefined
  /** Stable random key of the code: values do not depend on database ids. */
  key: number
  /** Counted in the numerator of a lower-is-better indicator: a lagging municipality has more of it. */
  lowerIsBetter?: boolean
}

interface Definition {
  entryLevel?: OrgLevel
  polarity?: string
  numerator?: string
  formula?: string
  min?: number
  max?: number
  dimension?: string
  demo?: DemoHint
}

function parseDefinition(raw: unknown): Definition {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw
  return value && typeof value === 'object' ? (value as Definition) : {}
}

/**
 * Orders elements so that every element comes after the one it is a part of, and links `of`.
 * An `of` that is unknown, not generated or part of a cycle is dropped: the element is then
 * drawn on its own.
 */
export function linkByOf(specs: ElementSpec[]): ElementSpec[] {
  const byCode = new Map(specs.map((s) => [s.code, s]))
  const ordered: ElementSpec[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (s: ElementSpec) => {
    if (state.get(s.code) === 'done') return
    state.set(s.code, 'visiting')
    const target = s.demo.of === undefined ? undefined : byCode.get(s.demo.of)
    if (target && state.get(target.code) !== 'visiting') {
      visit(target)
      s.of = target
    } else s.of = undefined
    state.set(s.code, 'done')
    ordered.push(s)
  }
  for (const s of specs) visit(s)
  return ordered
}

/**
 * Reads every numeric and boolean data element of every active plugin, and the core elements, with their dimension's
 * options, ordered so that each comes after the element it is a part of.
 */
export async function readElementSpecs(db: Kysely<Database>): Promise<ElementSpec[]> {
  const rows = await db
    .selectFrom('data_element as e')
    .leftJoin('plugin as p', 'p.id', 'e.plugin_id')
    .select(['e.id', 'e.code', 'e.plugin_id', 'e.value_type', 'e.aggregation', 'e.dimension_code', 'e.definition'])
    // Active plugins' elements and the core elements (no plugin, no owner): one value of each fact.
    .where((eb) =>
      eb.or([
        eb('p.status', '=', 'active'),
        eb.and([eb('e.plugin_id', 'is', null), eb('e.owner_org_unit_id', 'is', null)]),
      ]),
    )
    .where('e.value_type', 'in', [...GENERATED_VALUE_TYPES])
    .orderBy('e.id')
    .execute()
  const dimensions = [...new Set(rows.map((r) => r.dimension_code).filter((d): d is string => d !== null))]
  const options = dimensions.length
    ? await db
        .selectFrom('dimension_option')
        .select(['id', 'dimension_code'])
        .where('dimension_code', 'in', dimensions)
        .orderBy('dimension_code')
        .orderBy('sort')
        .orderBy('id')
        .execute()
    : []
  const optionIds = new Map<string, number[]>()
  for (const o of options) optionIds.set(o.dimension_code, [...(optionIds.get(o.dimension_code) ?? []), o.id])
  const specs = rows.map((r): ElementSpec => {
    const definition = parseDefinition(r.definition)
    const dimension = r.dimension_code ?? null
    return {
      id: r.id,
      code: r.code,
      pluginId: r.plugin_id ?? 'core',
      valueType: r.value_type as GeneratedValueType,
      aggregation: r.aggregation,
      depth: ORG_LEVEL_DEPTH[definition.entryLevel ?? 'organization'] ?? 3,
      min: definition.min,
      max: definition.max,
      // A dimension without options cannot be broken down: the element is written as a total only.
      dimension: dimension && optionIds.get(dimension)?.length ? dimension : null,
      optionIds: dimension ? (optionIds.get(dimension) ?? []) : [],
      demo: definition.demo ?? {},
      of: undefined,
      key: hashString(r.code),
    }
  })
  // A core element is generated once, with the first active plugin that uses it (its "missing"
  // organisations are that plugin's), and not at all when no active plugin uses it.
  const manifests = await db
    .selectFrom('plugin')
    .select(['id', 'manifest'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute()
  const firstUser = new Map<string, string>()
  for (const m of manifests)
    for (const e of coreElementsUsedBy(parseDefinition(m.manifest) as unknown as PluginManifest))
      if (!firstUser.has(e.code)) firstUser.set(e.code, m.id)
  for (let i = specs.length - 1; i >= 0; i--) {
    const s = specs[i]!
    if (rows[i]!.plugin_id !== null) continue
    const user = firstUser.get(s.code)
    if (user) s.pluginId = user
    else specs.splice(i, 1)
  }
  const lower = await lowerIsBetterElements(db)
  for (const s of specs) if (lower.has(s.code)) s.lowerIsBetter = true
  return linkByOf(specs)
}

/** Elements in the numerator (or formula) of an active plugin's lower-is-better indicator. */
async function lowerIsBetterElements(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('indicator as i')
    .innerJoin('plugin as p', 'p.id', 'i.plugin_id')
    .select('i.definition')
    .where('p.status', '=', 'active')
    .execute()
  const out = new Set<string>()
  for (const r of rows) {
    const d = parseDefinition(r.definition)
    if (d.polarity !== 'lower') continue
    for (const m of `${d.numerator ?? ''} ${d.formula ?? ''}`.matchAll(/#\{([^}]+)\}/g)) out.add(m[1]!)
  }
  return out
}
