import { checkFormula, formulaRefs, type FormulaScope } from './formula/check.ts'
import { FormulaError } from './formula/formula-error.ts'
import { parseFormula } from './formula/parse.ts'
import { ORG_LEVEL_DEPTH } from './schema/common.ts'
import { CORE_DIMENSIONS } from './schema/dimensions-core.ts'
import { CORE_DATA_ELEMENTS, CORE_ELEMENT_PREFIX } from './schema/core-elements.ts'
import type { DataElement } from './schema/data-element.ts'
import { compileFilter } from './registry/filter.ts'
import { DERIVED_BREAKDOWNS } from './registry/fields.ts'
import type { Dimension } from './schema/dimension.ts'
import { codePrefix, pluginManifestSchema, type PluginManifest, type PluginManifestInput } from './schema/manifest.ts'
import { CONTRACT_VERSION, contractSatisfies } from './version.ts'

/**
 * One problem of a manifest: a readable path (`indicators[2] "deficits.x".numerator`) and why.
 *
 * @example
 * const issue: ManifestIssue = { path: 'dataElements[0] "x.total".code', message: 'must start with "deficits."' }
 */
export interface ManifestIssue {
  path: string
  message: string
  /** `contract_range`: the manifest's `contract` range excludes this platform's contract version. */
  code?: 'contract_range'
}

/**
 * A manifest that breaks the contract; the message names the plugin and every issue.
 *
 * @example
 * try {
 *   definePlugin({ ...manifest, version: 'latest' })
 * } catch (e) {
 *   if (e instanceof ManifestError) console.error(e.message) // plugin "deficits": version: must be a semver version
 * }
 */
export class ManifestError extends Error {
  readonly plugin: string
  readonly issues: ManifestIssue[]

  constructor(plugin: string, issues: ManifestIssue[]) {
    super(`plugin "${plugin}": ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
    this.name = 'ManifestError'
    this.plugin = plugin
    this.issues = issues
  }
}

type Path = readonly PropertyKey[]

function formatPath(input: unknown, path: Path): string {
  let out = ''
  let node: unknown = input
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined
      const code = node && typeof node === 'object' && 'code' in node ? (node as { code: unknown }).code : undefined
      out += typeof code === 'string' ? `[${key}] "${code}"` : `[${key}]`
    } else {
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined
      out += out ? `.${String(key)}` : String(key)
    }
  }
  return out || '(manifest)'
}

/**
 * Dimensions a manifest may use: core's and its own.
 *
 * @example
 * dimensionsOf(manifest).get('subject')?.options.length // 19
 */
export function dimensionsOf(manifest: Pick<PluginManifest, 'dimensions'>): Map<string, Dimension> {
  return new Map([...CORE_DIMENSIONS, ...manifest.dimensions].map((d) => [d.code, d]))
}

/**
 * The formula scope of a manifest: the core data elements and its own, with their dimension's
 * option codes.
 *
 * @example
 * checkFormula(parseFormula('#{deficits.diagnosed}[math] / #{core.teachers_total}[math]'), scopeOf(manifest))
 */
export function scopeOf(manifest: Pick<PluginManifest, 'dimensions' | 'dataElements'>): FormulaScope {
  const dims = dimensionsOf(manifest)
  return {
    elements: new Map(
      [...CORE_DATA_ELEMENTS, ...manifest.dataElements].map((e) => [
        e.code,
        e.dimension ? (dims.get(e.dimension)?.options.map((o) => o.code) ?? []) : [],
      ]),
    ),
  }
}

function crossCheck(m: PluginManifest): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = []
  const add = (path: Path, message: string) => issues.push({ path, message })
  const prefix = codePrefix(m.id)
  const dims = dimensionsOf(m)
  const scope = scopeOf(m)

  const unique = (list: { code: string }[], key: string) => {
    const seen = new Set<string>()
    list.forEach((x, i) => {
      if (seen.has(x.code)) add([key, i, 'code'], `duplicate code "${x.code}"`)
      seen.add(x.code)
    })
  }
  unique(m.dataElements, 'dataElements')
  unique(m.indicators, 'indicators')
  unique(m.validationRules, 'validationRules')
  unique(m.recommendations, 'recommendations')
  m.dimensions.forEach((d, i) => {
    if (CORE_DIMENSIONS.some((c) => c.code === d.code))
      add(['dimensions', i, 'code'], `"${d.code}" is a core dimension`)
  })

  if (prefix === CORE_ELEMENT_PREFIX) add(['id'], `"${m.id}" is reserved for the core data elements`)
  m.dataElements.forEach((e, i) => {
    if (!e.code.startsWith(prefix)) add(['dataElements', i, 'code'], `must start with "${prefix}"`)
    for (const issue of derivedIssues(e)) add(['dataElements', i, 'derived', ...issue.path], issue.message)
    if (e.dimension && !dims.has(e.dimension))
      add(['dataElements', i, 'dimension'], `unknown dimension "${e.dimension}"`)
    if (e.demo?.of && !scope.elements.has(e.demo.of))
      add(['dataElements', i, 'demo', 'of'], `unknown data element "${e.demo.of}"`)
  })

  const formula = (path: Path, text: string | undefined) => {
    if (!text) return
    try {
      checkFormula(parseFormula(text), scope)
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e
      add(path, e.message)
    }
  }
  m.indicators.forEach((ind, i) => {
    if (!ind.code.startsWith(prefix)) add(['indicators', i, 'code'], `must start with "${prefix}"`)
    if (ind.dimension && !dims.has(ind.dimension))
      add(['indicators', i, 'dimension'], `unknown dimension "${ind.dimension}"`)
    formula(['indicators', i, 'numerator'], ind.numerator)
    formula(['indicators', i, 'denominator'], ind.denominator)
    formula(['indicators', i, 'formula'], ind.formula)
    if (ind.kind === 'count')
      ind.targets.forEach((t, j) => {
        if (t.value < 0) add(['indicators', i, 'targets', j, 'value'], `target ${t.value} of a count is negative`)
      })
    // An indicator is meaningful only where its data exists: at or above where it is entered.
    const entry = new Map([...CORE_DATA_ELEMENTS, ...m.dataElements].map((e) => [e.code, e.entryLevel]))
    for (const field of ['numerator', 'denominator', 'formula'] as const) {
      const text = ind[field]
      if (!text) continue
      let refs: string[]
      try {
        refs = formulaRefs(parseFormula(text)).map((r) => r.code)
      } catch {
        continue // reported above
      }
      for (const code of refs) {
        const at = entry.get(code)
        const below = at ? ind.levels.filter((l) => ORG_LEVEL_DEPTH[l] > ORG_LEVEL_DEPTH[at]) : []
        if (below.length)
          add(
            ['indicators', i, 'levels'],
            `no data at ${below.join(', ')}: "${code}" is entered by ${at === 'region' ? 'the region' : `each ${at}`}`,
          )
      }
    }
    if (ind.kind === 'presence' && ind.evidence.length === 0)
      add(['indicators', i, 'evidence'], 'a presence indicator lists the evidence documents it requires')
  })
  m.validationRules.forEach((r, i) => {
    if (!r.code.startsWith(prefix)) add(['validationRules', i, 'code'], `must start with "${prefix}"`)
    formula(['validationRules', i, 'left'], r.left)
    formula(['validationRules', i, 'right'], r.right)
  })
  m.recommendations.forEach((r, i) => {
    if (!r.code.startsWith(prefix)) add(['recommendations', i, 'code'], `must start with "${prefix}"`)
    const target = m.indicators.find((x) => x.code === r.indicator)
    if (!target) add(['recommendations', i, 'indicator'], `unknown indicator "${r.indicator}"`)
    else if (r.levels.some((l) => !target.levels.includes(l)))
      add(
        ['recommendations', i, 'levels'],
        `"${r.indicator}" is not shown at ${r.levels.filter((l) => !target.levels.includes(l)).join(', ')}`,
      )
  })
  return issues
}

/**
 * Problems of a data element's `derived` declaration: its filter (parsed and type-checked
 * against the registry's fields) and its breakdown. Empty for an element that is not derived.
 *
 * @example
 * derivedIssues({ derived: { count: 'people', filter: 'age < "35"' } })
 * // [{ path: ['filter'], message: '"<" takes numbers, not a text (at position 7)' }]
 */
export function derivedIssues(e: Pick<DataElement, 'derived'>): { path: string[]; message: string }[] {
  const d = e.derived
  if (!d) return []
  const issues: { path: string[]; message: string }[] = []
  if (d.filter)
    try {
      compileFilter(d.filter, { event: d.event })
    } catch (err) {
      if (!(err instanceof FormulaError)) throw err
      issues.push({ path: ['filter'], message: err.message })
    }
  if (d.breakdown && !Object.hasOwn(DERIVED_BREAKDOWNS, d.breakdown))
    issues.push({
      path: ['breakdown'],
      message: `a derived element is broken down by ${Object.keys(DERIVED_BREAKDOWNS).join(', ')}, not "${d.breakdown}"`,
    })
  if (d.breakdown === 'deficit_type' && d.event !== 'diagnostics')
    issues.push({ path: ['breakdown'], message: 'deficit types come from a diagnostics: set event "diagnostics"' })
  return issues
}

/**
 * Result of {@link validateManifest}: the typed manifest or every issue found.
 *
 * @example
 * const issuesOf = (v: ManifestValidation) => (v.ok ? [] : v.error.issues)
 */
export type ManifestValidation = { ok: true; manifest: PluginManifest } | { ok: false; error: ManifestError }

/**
 * Validates a manifest without throwing: schema, contract range, code prefixes, dimensions,
 * formulas against the plugin's data elements, and references between rules and indicators.
 *
 * @example
 * const result = validateManifest({ ...manifest, contract: 2 })
 * if (!result.ok) for (const issue of result.error.issues) console.error(`${issue.path}: ${issue.message}`)
 * // contract: written for contract 2, this platform implements 1
 */
export function validateManifest(input: unknown): ManifestValidation {
  const rawId = input && typeof input === 'object' && 'id' in input ? input.id : undefined
  const id = typeof rawId === 'string' && rawId ? rawId : '(no id)'
  const parsed = pluginManifestSchema.safeParse(input)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatPath(input, i.path), message: i.message }))
    return { ok: false, error: new ManifestError(id, issues) }
  }
  const m = parsed.data
  if (!contractSatisfies(m.contract))
    return {
      ok: false,
      error: new ManifestError(id, [
        {
          path: 'contract',
          code: 'contract_range',
          message: `written for contract ${m.contract}, which excludes the contract ${CONTRACT_VERSION} this platform implements`,
        },
      ]),
    }
  const issues = crossCheck(m)
  if (issues.length)
    return {
      ok: false,
      error: new ManifestError(
        id,
        issues.map((i) => ({ path: formatPath(input, i.path), message: i.message })),
      ),
    }
  return { ok: true, manifest: m }
}

/**
 * Declares a plugin: validates the manifest against the contract and returns it typed, with
 * defaults filled in. Throws {@link ManifestError} naming the plugin and each bad field.
 *
 * @example
 * export default definePlugin({
 *   id: 'deficits',
 *   version: '1.0.0',
 *   contract: '^1.0.0',
 *   title: { ru: 'Выявление профессиональных дефицитов' },
 *   dataElements: [
 *     { code: 'deficits.teachers_total', title: { ru: 'Количество педагогов' }, valueType: 'integer', min: 0 },
 *     { code: 'deficits.diagnosed', title: { ru: 'Прошли диагностику' }, valueType: 'integer', min: 0 },
 *   ],
 *   indicators: [
 *     {
 *       code: 'deficits.diagnosed_share',
 *       title: { ru: 'Доля педагогов, прошедших диагностику профессиональных дефицитов' },
 *       kind: 'share',
 *       numerator: '#{deficits.diagnosed}',
 *       denominator: '#{deficits.teachers_total}',
 *       targets: [{ period: '2025-26', value: 30 }],
 *     },
 *   ],
 * })
 */
export function definePlugin(input: PluginManifestInput): PluginManifest {
  const result = validateManifest(input)
  if (!result.ok) throw result.error
  return result.manifest
}
