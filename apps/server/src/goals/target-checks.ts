import { parentPath } from '@profmon/contract/levels'
import { checkTarget, isLaxerTarget, type TargetInput, type TargetProblem } from '@profmon/contract/rules'
import type { Indicator } from '@profmon/contract'
import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import type { ErrorDetail } from '../errors.ts'
import { pathIds } from '../org/org-units.ts'
import { loadTargetResolver } from './effective-targets.ts'

/** A target problem in the API's words, naming the field. */
export function describeTargetProblem(p: TargetProblem, prefix = ''): ErrorDetail {
  const path = `${prefix}${p.field}`
  switch (p.code) {
    case 'outside_bounds':
      return { path, message: `${p.value} is outside ${p.min}…${p.max} for this indicator`, code: p.code }
    case 'negative':
      return { path, message: `must not be negative (got ${p.value})`, code: p.code }
    case 'band_empty':
      return { path, message: `min ${p.min} must be below max ${p.max}`, code: p.code }
    case 'bands_unordered':
      return {
        path,
        message: 'score bands go in ascending order; only the first is open below, the last above',
        code: p.code,
      }
    case 'bands_overlap':
      return { path, message: `starts at ${p.min}, inside the previous band (up to ${p.previousMax})`, code: p.code }
    case 'laxer':
      return {
        path,
        message:
          `${p.value} is laxer than the target above (${p.reference}, ${p.polarity === 'higher' ? 'higher' : 'lower'} is better) ` +
          'and the region does not allow laxer targets',
        code: p.code,
        reference: p.reference,
      }
  }
}

/**
 * Checks a target against its indicator and, for a caller below the region (a coordinator), against
 * the target the unit would otherwise inherit: it may be stricter, never laxer, unless the region's
 * target allows laxer ones. Region admins set any target in their region.
 *
 * @example
 * await checkTargetFor(db, scope, munA, period, definition, { value: 25 }) // [{ code: 'laxer', … }] under a region's 30 %
 */
export async function checkTargetFor(
  db: Kysely<Database>,
  scope: Scope,
  unit: { id: number; path: string; level: number },
  period: { id: number; code: string },
  indicator: Indicator,
  target: TargetInput,
): Promise<TargetProblem[]> {
  const problems = checkTarget(indicator, target)
  if (problems.length || unit.level === 1) return problems
  const region = { path: `/${pathIds(unit.path)[0]}/` }
  if (scope.canWrite(region, 'targets')) return problems
  const path = parentPath(unit.path)
  const parent = { id: pathIds(path).at(-1)!, path }
  const resolve = await loadTargetResolver(db, [parent], [period], [indicator.code])
  const inherited = resolve(indicator, parent, period)
  if (inherited && !inherited.allowLaxer && isLaxerTarget(indicator.polarity, target.value, inherited.value))
    problems.push({
      code: 'laxer',
      field: 'value',
      value: target.value,
      reference: inherited.value,
      polarity: indicator.polarity,
    })
  return problems
}
