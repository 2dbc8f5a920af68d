import { sql, type Kysely } from 'kysely'

/**
 * Targeted recommendations (адресные рекомендации, seed 001 3.4) and the written conclusions of an
 * analysis. A recommendation is addressed to one org unit (each addressed unit acknowledges its
 * own) and owned by the unit that generated or wrote it; a generated one is unique per rule, unit
 * and period, so re-generating updates it instead of adding a copy. A conclusion is one row per
 * unit, period and direction: the draft body (versioned) and the last published body with the
 * analytics figures it quoted, frozen at publication.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recommendation')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('owner_org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('generated', 'authored')`))
    .addColumn('rule_code', 'text')
    .addColumn('plugin_id', 'text')
    .addColumn('addressee', 'text', (c) =>
      c
        .notNull()
        .check(sql`addressee in ('teachers', 'school_leadership', 'methodical_support', 'municipal_authority')`),
    )
    .addColumn('indicators', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('figures', 'jsonb')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('draft', 'published', 'acknowledged', 'withdrawn')`),
    )
    .addColumn('stale', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('edited', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'timestamptz')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_reason', 'text')
    .addCheckConstraint('recommendation_generated_rule', sql`source <> 'generated' or rule_code is not null`)
    // A withdrawal without a reason leaves the addressee guessing.
    .addCheckConstraint('recommendation_withdrawn_reason', sql`state <> 'withdrawn' or withdrawn_reason is not null`)
    .execute()
  await sql`create unique index recommendation_generated_key on recommendation (rule_code, org_unit_id, period_id) where source = 'generated'`.execute(
    db,
  )
  await db.schema
    .createIndex('recommendation_period_unit')
    .on('recommendation')
    .columns(['period_id', 'org_unit_id'])
    .execute()

  await db.schema
    .createTable('conclusion')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('plugin_id', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_version', 'integer')
    .addColumn('published_body', 'jsonb')
    .addColumn('published_figures', 'jsonb')
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'timestamptz')
    .addUniqueConstraint('conclusion_key', ['org_unit_id', 'period_id', 'plugin_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conclusion').execute()
  await db.schema.dropTable('recommendation').execute()
}
