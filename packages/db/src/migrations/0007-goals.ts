import { sql, type Kysely } from 'kysely'

/**
 * Goals of the management cycle (seed 003: goals → indicators → … → analysis): a target also
 * carries its score bands (`[{ min, max, score }]`, points for the value's band), the effective
 * gap (the smallest change that counts as a move; null = the indicator's default, 1 p.p. for a
 * share) and, on a region's target, whether municipalities may set a laxer one of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table target add column if not exists score_bands jsonb`.execute(db)
  await sql`alter table target add column if not exists effective_gap double precision`.execute(db)
  await sql`alter table target add column if not exists allow_laxer boolean not null default false`.execute(db)
  // Copying a period's targets reads one unit's subtree of one period.
  await sql`create index if not exists target_period_unit on target (period_id, org_unit_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists target_period_unit`.execute(db)
  await sql`alter table target drop column if exists allow_laxer`.execute(db)
  await sql`alter table target drop column if exists effective_gap`.execute(db)
  await sql`alter table target drop column if exists score_bands`.execute(db)
}
