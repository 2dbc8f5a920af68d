import { sql, type RawBuilder } from 'kysely'

/**
 * A number array as one bind parameter written in PostgreSQL's array syntax (`{1,2,NULL}`), cast
 * to `type`. node-postgres would quote and escape every element of a JavaScript array itself —
 * for the columns of a 100,000-value import that took longer than the statement. Numbers need no
 * quoting: `String` gives the shortest text that reads back as the same double.
 *
 * @example
 * sql`select * from unnest(${numberArray([1, 2], 'int')}, ${numberArray([0.5, null], 'float8')})`
 */
export function numberArray(values: readonly (number | null)[], type: 'int' | 'float8'): RawBuilder<number[]> {
  let text = '{'
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (i) text += ','
    text += v === null || v === undefined ? 'NULL' : String(v)
  }
  return sql<number[]>`${text + '}'}::${sql.raw(type)}[]`
}
