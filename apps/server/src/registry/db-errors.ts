import type { Database, Kysely, Transaction } from '@profmon/db'
import { DomainError } from '../errors.ts'

/**
 * Runs a registry write and turns an integrity error of the database (SQLSTATE class 23: a unique
 * key taken by a concurrent write, a check) into a 409 naming only the constraint. The driver's
 * own error carries the failing row in its detail — names, birth dates — which must reach neither
 * the answer nor the log.
 *
 * @example
 * await withoutRowDetails(() => db.transaction().execute(…))
 */
export async function withoutRowDetails<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    const e = err as { code?: unknown; constraint?: unknown }
    if (typeof e?.code === 'string' && e.code.startsWith('23'))
      throw new DomainError(
        'conflict',
        'registry_constraint',
        `the registry refused the change${typeof e.constraint === 'string' ? ` (${e.constraint})` : ''}; reload and try again`,
      )
    throw err
  }
}

/** A transaction of the registry, its integrity errors stripped of row details ({@link withoutRowDetails}). */
export function registryTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return withoutRowDetails(() => db.transaction().execute(work))
}
