import type jsep from 'jsep'
import type { BinaryOperator, UnaryOperator } from '../formula/ast.ts'
import { FormulaError } from '../formula/formula-error.ts'
import { parseExpressionTree } from '../formula/parse.ts'
import type { RegistryEventKind } from '../schema/derived.ts'
import { EVENT_FIELDS, PERSON_FIELDS, type RegistryField, type RegistryFieldType } from './fields.ts'

/**
 * A checked registry filter: fields, literals and operators only, each node with its type and
 * position. Nothing in it is ever evaluated as code: the server compiles it to parameterised SQL.
 *
 * @example
 * const node: FilterNode = compileFilter('age < 35')
 * node.type // 'binary'
 */
export type FilterNode = (
  | { type: 'field'; field: RegistryField; scope: 'person' | 'event' }
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'unary'; op: UnaryOperator; arg: FilterNode }
  | { type: 'binary'; op: BinaryOperator; left: FilterNode; right: FilterNode }
) & { valueType: RegistryFieldType; start: number; end: number }

/**
 * What a filter may name: person fields always, event fields of the element's event kind.
 *
 * @example
 * const scope: FilterScope = { event: 'course' }
 */
export interface FilterScope {
  event?: RegistryEventKind
}

const posOf = (n: jsep.Expression): number => (typeof n.start === 'number' ? n.start : 0)

function fieldFor(name: string, scope: FilterScope, at: number): { field: RegistryField; scope: 'person' | 'event' } {
  const person = PERSON_FIELDS.find((f) => f.name === name)
  if (person) return { field: person, scope: 'person' }
  const event = EVENT_FIELDS.find((f) => f.name === name)
  if (event) {
    if (!scope.event)
      throw new FormulaError(`"${name}" is a field of an event: name the element's event kind first`, at, name)
    if (event.kinds && !event.kinds.includes(scope.event))
      throw new FormulaError(`"${name}" is not a field of a ${scope.event} event`, at, name)
    return { field: event, scope: 'event' }
  }
  const known = [...PERSON_FIELDS, ...(scope.event ? EVENT_FIELDS : [])].map((f) => f.name)
  throw new FormulaError(`unknown field "${name}" (known: ${known.join(', ')})`, at, name)
}

function convert(node: jsep.Expression, scope: FilterScope, text: string): FilterNode {
  const start = posOf(node)
  switch (node.type) {
    case 'Identifier': {
      const name = (node as jsep.Identifier).name
      const found = fieldFor(name, scope, start)
      return { type: 'field', ...found, valueType: found.field.type, start, end: start + name.length }
    }
    case 'Literal': {
      const lit = node as jsep.Literal
      const end = start + lit.raw.length
      if (typeof lit.value === 'number') {
        if (!Number.isFinite(lit.value)) throw new FormulaError(`the number ${lit.raw} is too large`, start)
        return { type: 'number', value: lit.value, valueType: 'number', start, end }
      }
      if (typeof lit.value === 'boolean') return { type: 'boolean', value: lit.value, valueType: 'boolean', start, end }
      if (typeof lit.value === 'string') return { type: 'string', value: lit.value, valueType: 'text', start, end }
      throw new FormulaError(`${lit.raw} is not allowed in a filter`, start)
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression
      const arg = convert(u.argument, scope, text)
      const at = Math.max(0, arg.start - 1)
      const want: RegistryFieldType = u.operator === '!' ? 'boolean' : 'number'
      if (arg.valueType !== want) throw new FormulaError(`"${u.operator}" takes a ${want}, not a ${arg.valueType}`, at)
      return { type: 'unary', op: u.operator as UnaryOperator, arg, valueType: want, start: at, end: arg.end }
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression
      const left = convert(b.left, scope, text)
      const right = convert(b.right, scope, text)
      const op = ({ and: '&&', or: '||' }[b.operator] ?? b.operator) as BinaryOperator
      const span = { start: left.start, end: right.end }
      const need = (t: RegistryFieldType, side: FilterNode) => {
        if (side.valueType !== t)
          throw new FormulaError(
            `"${b.operator}" takes ${t === 'boolean' ? 'conditions' : `${t}s`}, not a ${side.valueType}`,
            side.start,
          )
      }
      if (op === '&&' || op === '||') {
        need('boolean', left)
        need('boolean', right)
        return { type: 'binary', op, left, right, valueType: 'boolean', ...span }
      }
      if (op === '==' || op === '!=') {
        if (left.valueType !== right.valueType)
          throw new FormulaError(`cannot compare a ${left.valueType} with a ${right.valueType}`, right.start)
        for (const [f, v] of [
          [left, right],
          [right, left],
        ] as const)
          if (f.type === 'field' && f.field.values && v.type === 'string' && !f.field.values.includes(v.value))
            throw new FormulaError(
              `"${v.value}" is not a value of "${f.field.name}" (one of: ${f.field.values.join(', ')})`,
              v.start,
              v.value,
            )
        return { type: 'binary', op, left, right, valueType: 'boolean', ...span }
      }
      need('number', left)
      need('number', right)
      const comparison = op === '<' || op === '<=' || op === '>' || op === '>='
      return { type: 'binary', op, left, right, valueType: comparison ? 'boolean' : 'number', ...span }
    }
    case 'Ref':
      throw new FormulaError('a filter names registry fields, not data elements', start)
    case 'CallExpression':
      throw new FormulaError('a filter has no functions: combine conditions with and, or, !', start)
    case 'Compound':
      throw new FormulaError('a filter is one condition; join parts with and / or', text.length)
    default:
      throw new FormulaError(`${node.type} is not allowed in a filter`, start)
  }
}

/**
 * Parses and type-checks a derived element's filter: the formula language over the registry's
 * fields (`and`/`&&`, `or`/`||`, `!`, comparisons, arithmetic, "text" literals). Throws
 * {@link FormulaError} with the position of the first problem: an unknown field, an event field
 * without an event kind, a value a text field never has, mismatched types, a filter that is not
 * a condition.
 *
 * @example
 * compileFilter('provider == "cnppm" and completed_in_period', { event: 'course' }).valueType // 'boolean'
 * compileFilter('age + 1') // FormulaError: a filter is a condition (yes or no), not a number (at position 1)
 */
export function compileFilter(text: string, scope: FilterScope = {}): FilterNode {
  const node = convert(parseExpressionTree(text), scope, text)
  if (node.valueType !== 'boolean')
    throw new FormulaError(`a filter is a condition (yes or no), not a ${node.valueType}`, node.start)
  return node
}
