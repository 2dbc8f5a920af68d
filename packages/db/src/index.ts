export * from './connect.ts'
export * from './migrate.ts'
export * from './schema.ts'
export { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely'
