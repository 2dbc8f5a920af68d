import type { FormulaNode, RefNode } from './ast.ts'

/**
 * Looks up a data element's (aggregated) value. `option` is `null` for the total, an option
 * code, or `'*'` for the sum over options. With `stat: 'count'` it returns how many org units
 * reported the element instead (for `orgCount`). Returns `null` when there is no data.
 *
 * @example
 * const values: Record<string, number> = { 'a.num': 4, 'a.den': 100 }
 * const lookup: ValueLookup = (code, option) => (option === null ? (values[code] ?? null) : null)
 */
export type ValueLookup = (code: string, option: string | null, stat?: 'value' | 'count') => number | null

/**
 * Evaluation context: in a breakdown row, `option` is the row's option.
 *
 * @example
 * // the physics row: a plain #{deficits.teachers_total} means its physics option
 * const ctx: EvaluateContext = {
 *   breakdown: { dimension: 'subject', option: 'physics' },
 *   elementDimension: (code) => (code === 'deficits.teachers_total' ? 'subject' : undefined),
 * }
 */
export interface EvaluateContext {
  /** Dimension of the breakdown row being computed, with the row's option. */
  breakdown?: { dimension: string; option: string }
  /** Dimension code of each element, so a plain `#{code}` follows the row's option. */
  elementDimension?: (code: string) => string | undefined
}

type Value = number | null

const truthy = (v: number) => v !== 0
const bool = (b: boolean) => (b ? 1 : 0)

function refOption(ref: RefNode, ctx: EvaluateContext): string | null {
  if (ref.option !== null || !ctx.breakdown) return ref.option
  return ctx.elementDimension?.(ref.code) === ctx.breakdown.dimension ? ctx.breakdown.option : null
}

function present(values: Value[]): number[] {
  return values.filter((v): v is number => v !== null)
}

/**
 * Evaluates a parsed formula. Missing data propagates as `null` ("no data"): any
 * arithmetic or comparison with a missing operand is `null`, and so is a division by zero.
 * `sum`, `min`, `max` skip missing arguments (all missing → `null`); `coalesce` returns the
 * first present argument; `isNull(x)` is 1 when x is missing. Booleans are 1 and 0. A result
 * too large to be a number (beyond ±1.8e308) is `null` too: never `Infinity` or `NaN`.
 *
 * @example
 * const values: Record<string, number> = { 'a.num': 3, 'a.den': 0 }
 * const lookup: ValueLookup = (code) => values[code] ?? null
 * evaluateFormula(parseFormula('#{a.num} / #{a.den}'), lookup) // null, not Infinity
 * evaluateFormula(parseFormula('coalesce(#{a.missing}, 0) + 1'), lookup) // 1
 */
export function evaluateFormula(node: FormulaNode, lookup: ValueLookup, ctx: EvaluateContext = {}): Value {
  const v = evaluateNode(node, lookup, ctx)
  return v === null || Number.isFinite(v) ? v : null
}

function evaluateNode(node: FormulaNode, lookup: ValueLookup, ctx: EvaluateContext): Value {
  const ev = (n: FormulaNode): Value => evaluateFormula(n, lookup, ctx)
  switch (node.type) {
    case 'number':
      return node.value
    case 'ref': {
      const v = lookup(node.code, refOption(node, ctx))
      return v === null || Number.isNaN(v) ? null : v
    }
    case 'unary': {
      const v = ev(node.arg)
      if (v === null) return null
      return node.op === '-' ? -v : node.op === '+' ? v : bool(!truthy(v))
    }
    case 'binary': {
      if (node.op === '&&' || node.op === '||') {
        const l = ev(node.left)
        // Short-circuit only where the answer no longer depends on the missing side.
        if (l !== null && node.op === '&&' && !truthy(l)) return 0
        if (l !== null && node.op === '||' && truthy(l)) return 1
        const r = ev(node.right)
        if (l === null || r === null) {
          if (r !== null && node.op === '&&' && !truthy(r)) return 0
          if (r !== null && node.op === '||' && truthy(r)) return 1
          return null
        }
        return bool(truthy(r))
      }
      const l = ev(node.left)
      const r = ev(node.right)
      if (l === null || r === null) return null
      switch (node.op) {
        case '+':
          return l + r
        case '-':
          return l - r
        case '*':
          return l * r
        case '/':
          return r === 0 ? null : l / r
        case '<':
          return bool(l < r)
        case '<=':
          return bool(l <= r)
        case '>':
          return bool(l > r)
        case '>=':
          return bool(l >= r)
        case '==':
          return bool(l === r)
        case '!=':
          return bool(l !== r)
      }
      return null
    }
    case 'call': {
      switch (node.fn) {
        case 'if': {
          const c = ev(node.args[0]!)
          if (c === null) return null
          return truthy(c) ? ev(node.args[1]!) : ev(node.args[2]!)
        }
        case 'isNull':
          return bool(ev(node.args[0]!) === null)
        case 'coalesce': {
          for (const a of node.args) {
            const v = ev(a)
            if (v !== null) return v
          }
          return null
        }
        case 'orgCount': {
          const ref = node.args[0] as RefNode
          return lookup(ref.code, refOption(ref, ctx), 'count') ?? 0
        }
        case 'abs': {
          const v = ev(node.args[0]!)
          return v === null ? null : Math.abs(v)
        }
        case 'round': {
          const v = ev(node.args[0]!)
          const d = node.args[1] ? ev(node.args[1]) : 0
          if (v === null || d === null) return null
          const f = 10 ** Math.trunc(d)
          return Math.round(v * f) / f
        }
        case 'sum':
        case 'min':
        case 'max': {
          const vs = present(node.args.map(ev))
          if (!vs.length) return null
          if (node.fn === 'sum') return vs.reduce((a, b) => a + b, 0)
          return node.fn === 'min' ? Math.min(...vs) : Math.max(...vs)
        }
      }
    }
  }
}
