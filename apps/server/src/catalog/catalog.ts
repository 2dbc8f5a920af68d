import {
  CORE_DATA_ELEMENTS,
  coreElementsUsedBy,
  compileIndicator,
  type Aggregation,
  ORG_LEVEL_DEPTH,
  type CompiledIndicator,
  type DataElement,
  type FormulaScope,
  type LocalizedText,
  type PluginManifest,
} from '@profmon/contract'
import type { Database, Kysely } from '@profmon/db'

export interface CatalogOption {
  id: number
  code: string
  title: LocalizedText
}

export interface CatalogDimension {
  code: string
  title: LocalizedText
  options: CatalogOption[]
}

export interface CatalogElement {
  id: number
  pluginId: string
  definition: DataElement
  /** Depth of the org level where it is entered (1 region … 3 organisation). */
  entryDepth: number
  /** A local element's owner: it is collected in this subtree only. */
  owner?: { id: number; path: string }
  /** A core element (`pluginId` 'core'): the directions whose formulas use it, which collect it. */
  directions?: string[]
}

/** The group of the core data elements (no plugin owns them). */
export const CORE_GROUP = 'core'

/**
 * Whether a direction collects an element: its own, or a core element its formulas use (a school
 * states the fact once; each direction that needs it shows it).
 */
export function inDirection(e: CatalogElement, pluginId: string): boolean {
  return e.pluginId === pluginId || (e.directions?.includes(pluginId) ?? false)
}

/** Whether an element is collected under one of the directions (a core element: any that uses it). */
export function inAnyDirection(e: CatalogElement, pluginIds: ReadonlySet<string>): boolean {
  return pluginIds.has(e.pluginId) || (e.directions?.some((d) => pluginIds.has(d)) ?? false)
}

/** One revision of a local indicator, valid from a period on (`null`: from the first period). */
export interface CatalogRevision {
  revision: number
  validFrom: string | null
  compiled: CompiledIndicator
}

export interface CatalogIndicator {
  /** The plugin, or for a local indicator its direction (`local` without one). */
  pluginId: string
  /** The newest revision for a local indicator. */
  compiled: CompiledIndicator
  /** A local indicator: its owner and revisions, oldest first. */
  local?: { id: number; owner: { id: number; path: string }; revisions: CatalogRevision[] }
}

/** The plugin id under which local elements and indicators without a direction are listed. */
export const LOCAL_GROUP = 'local'

/** The `local` group's title, where a direction's title would be shown. */
export const LOCAL_TITLE: LocalizedText = { ru: 'Местные показатели', en: 'Local indicators' }

/**
 * Everything the API needs to know about definitions, read once from the database after the
 * plugins are synced: active plugins, their data elements (with ids), indicators (compiled),
 * and dimensions (with option ids). Queries join by ids; the API speaks codes.
 */
export class Catalog {
  readonly plugins: ReadonlyMap<string, PluginManifest>
  readonly elements: ReadonlyMap<string, CatalogElement>
  readonly elementsById: ReadonlyMap<number, CatalogElement>
  readonly indicators: ReadonlyMap<string, CatalogIndicator>
  readonly dimensions: ReadonlyMap<string, CatalogDimension>
  readonly optionsById: ReadonlyMap<number, CatalogOption & { dimension: string }>
  /** Aggregation rule of each element by code, for roll-up lookups. */
  readonly aggregationRules: ReadonlyMap<string, Aggregation>

  private constructor(
    plugins: PluginManifest[],
    elementRows: { id: number; code: string }[],
    dimensions: CatalogDimension[],
  ) {
    this.plugins = new Map(plugins.map((p) => [p.id, p]))
    this.dimensions = new Map(dimensions.map((d) => [d.code, d]))
    this.optionsById = new Map(dimensions.flatMap((d) => d.options.map((o) => [o.id, { ...o, dimension: d.code }])))
    const ids = new Map(elementRows.map((r) => [r.code, r.id]))
    const core: CatalogElement[] = CORE_DATA_ELEMENTS.filter((d) => ids.has(d.code)).map((definition) => ({
      id: ids.get(definition.code)!,
      pluginId: CORE_GROUP,
      definition,
      entryDepth: ORG_LEVEL_DEPTH[definition.entryLevel],
      directions: plugins.filter((p) => coreElementsUsedBy(p).some((c) => c.code === definition.code)).map((p) => p.id),
    }))
    const own: CatalogElement[] = plugins.flatMap((p) =>
      p.dataElements.map((definition) => ({
        id: ids.get(definition.code)!,
        pluginId: p.id,
        definition,
        entryDepth: ORG_LEVEL_DEPTH[definition.entryLevel],
      })),
    )
    const elements = [...core, ...own]
    this.elements = new Map(elements.map((e) => [e.definition.code, e]))
    this.elementsById = new Map(elements.map((e) => [e.id, e]))
    this.aggregationRules = new Map(elements.map((e) => [e.definition.code, e.definition.aggregation]))
    const scope = this.scope()
    this.indicators = new Map(
      plugins.flatMap((p) =>
        p.indicators.map((i) => [i.code, { pluginId: p.id, compiled: compileIndicator(i, scope) }]),
      ),
    )
  }

  /** Loads the catalog of the given active manifests from the database. */
  static async load(db: Kysely<Database>, plugins: PluginManifest[]): Promise<Catalog> {
    const elementRows = await db.selectFrom('data_element').select(['id', 'code']).execute()
    const options = await db
      .selectFrom('dimension_option')
      .select(['id', 'dimension_code', 'code', 'title'])
      .orderBy('dimension_code')
      .orderBy('sort')
      .execute()
    const dims = await db.selectFrom('dimension').select(['code', 'title']).orderBy('code').execute()
    const dimensions = dims.map((d) => ({
      code: d.code,
      title: d.title as LocalizedText,
      options: options
        .filter((o) => o.dimension_code === d.code)
        .map((o) => ({ id: o.id, code: o.code, title: o.title as LocalizedText })),
    }))
    const sorted = [...plugins].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    return new Catalog(sorted, elementRows, dimensions)
  }

  /**
   * This catalog plus local definitions visible to one request (read per request, so replicas
   * agree). Without any, the catalog itself: the plugin-only path costs nothing extra.
   */
  withLocal(local: { elements: CatalogElement[]; indicators: CatalogIndicator[] }): Catalog {
    if (!local.elements.length && !local.indicators.length) return this
    const view = Object.create(this) as Catalog
    const elements = new Map(this.elements)
    const byId = new Map(this.elementsById)
    const rules = new Map(this.aggregationRules)
    for (const e of local.elements) {
      elements.set(e.definition.code, e)
      byId.set(e.id, e)
      rules.set(e.definition.code, e.definition.aggregation)
    }
    const indicators = new Map(this.indicators)
    for (const i of local.indicators) indicators.set(i.compiled.indicator.code, i)
    Object.defineProperties(view, {
      elements: { value: elements },
      elementsById: { value: byId },
      aggregationRules: { value: rules },
      indicators: { value: indicators },
      elementDimension: { value: (code: string) => elements.get(code)?.definition.dimension },
    })
    return view
  }

  /** Formula scope: every known element with its dimension's option codes. */
  scope(): FormulaScope {
    return {
      elements: new Map(
        [...this.elements.values()].map((e) => [
          e.definition.code,
          e.definition.dimension ? (this.dimensions.get(e.definition.dimension)?.options.map((o) => o.code) ?? []) : [],
        ]),
      ),
    }
  }

  /** Option id of a dimension's option code, or undefined. */
  optionId(dimension: string, code: string): number | undefined {
    return this.dimensions.get(dimension)?.options.find((o) => o.code === code)?.id
  }

  /** Dimension of an element by code (for breakdown evaluation). */
  readonly elementDimension = (code: string): string | undefined => this.elements.get(code)?.definition.dimension
}
