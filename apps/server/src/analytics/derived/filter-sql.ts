import type { FilterNode } from '@profmon/contract'
import { sql, type RawBuilder } from '@profmon/db'

/** The dates a filter is read on: staff and ages on the reference date, events within the period. */
export interface FilterDates {
  reference: string
  start: string
  end: string
}

/**
 * SQL of each registry field over the aliases `s` (a person's employment on the reference date,
 * with the person's own fields: see `derived-counts.ts`) and `ev` (event).
 * Fixed fragments written here; nothing of a filter's text is ever put into SQL: its literals
 * and the dates are bound parameters.
 */
function fieldSql(name: string, d: FilterDates): RawBuilder<unknown> {
  const details = (key: string) => sql`(ev.details ->> ${sql.lit(key)})`
  switch (name) {
    case 'age':
      return sql`extract(year from age(${d.reference}::date, s.birth_date))`
    case 'experience_years':
      return sql`extract(year from age(${d.reference}::date, s.experience_since))`
    case 'education':
      return sql`s.education`
    case 'pedagogical_education':
      return sql`(s.education in ('higher_pedagogical', 'secondary_pedagogical'))`
    case 'category':
      return sql`s.category`
    case 'management_reserve':
      return sql`s.management_reserve`
    case 'position':
      return sql`s.position`
    case 'main':
      return sql`s.main`
    case 'rate':
      return sql`s.rate::float8`
    case 'in_period':
      return sql`(ev.occurred_on between ${d.start}::date and ${d.end}::date)`
    case 'completed':
      return sql`(ev.completed_on <= ${d.end}::date)`
    case 'completed_in_period':
      return sql`(ev.completed_on between ${d.start}::date and ${d.end}::date)`
    case 'based_on_diagnostics':
      return sql`(ev.based_on is not null)`
    case 'deficits':
      return sql`(select count(*) from person_event_option peo where peo.event_id = ev.id)`
    case 'hours':
      return sql`${details('hours')}::float8`
    case 'distance':
    case 'pedagogical':
      return sql`${details(name)}::boolean`
    case 'membership':
      return details('kind')
    case 'attested_category':
      return details('category')
    case 'provider':
    case 'role':
    case 'level':
    case 'result':
      return details(name)
    default:
      throw new Error(`no SQL for registry field "${name}"`)
  }
}

const OPERATORS: Record<string, string> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '==': '=',
  '!=': '<>',
  '&&': 'and',
  '||': 'or',
}

/**
 * Compiles a checked registry filter to a parameterised SQL condition. A field without a value
 * (no experience date, no such detail) makes its comparison unknown, and the person is not counted.
 *
 * @example
 * filterSql(compileFilter('age < 35'), dates) // extract(year from age($1::date, s.birth_date)) < $2
 */
export function filterSql(node: FilterNode, d: FilterDates): RawBuilder<unknown> {
  switch (node.type) {
    case 'field':
      return fieldSql(node.field.name, d)
    case 'number':
      return sql`${node.value}::float8`
    case 'string':
      return sql`${node.value}::text`
    case 'boolean':
      return node.value ? sql`true` : sql`false`
    case 'unary':
      return node.op === '!'
        ? sql`(not ${filterSql(node.arg, d)})`
        : sql`(${sql.raw(node.op)}${filterSql(node.arg, d)})`
    case 'binary': {
      const left = filterSql(node.left, d)
      const right = filterSql(node.right, d)
      if (node.op === '/') return sql`(${left}::float8 / nullif(${right}, 0))`
      return sql`(${left} ${sql.raw(OPERATORS[node.op]!)} ${right})`
    }
  }
}
