import { sql, type Kysely } from 'kysely'

/** Org tree, periods, campaigns, dimensions, plugins, data elements, indicators, values, targets, audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_unit')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('parent_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('level', 'smallint', (c) => c.notNull().check(sql`level between 1 and 3`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // text_pattern_ops makes `path LIKE '/1/5/%'` an index range scan under any collation.
  await sql`create index org_unit_path_prefix on org_unit (path text_pattern_ops)`.execute(db)
  await db.schema.createIndex('org_unit_parent').on('org_unit').column('parent_id').execute()

  await db.schema
    .createTable('period')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addCheckConstraint('period_dates', sql`starts_on < ends_on`)
    .execute()

  await db.schema
    .createTable('campaign')
    .addColumn('region_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('monitoring_due', 'date', (c) => c.notNull())
    .addColumn('analysis_due', 'date', (c) => c.notNull())
    .addColumn('measures_due', 'date', (c) => c.notNull())
    .addColumn('effectiveness_due', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_pk', ['region_id', 'period_id'])
    .execute()

  await db.schema
    .createTable('plugin')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'incompatible', 'invalid')`))
    .addColumn('error', 'text')
    .addColumn('manifest', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('region_plugin')
    .addColumn('region_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('plugin_id', 'text', (c) => c.notNull().references('plugin.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('region_plugin_pk', ['region_id', 'plugin_id'])
    .execute()

  await db.schema
    .createTable('dimension')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('plugin_id', 'text', (c) => c.references('plugin.id'))
    .execute()

  await db.schema
    .createTable('dimension_option')
    // Option ids start at 1: 0 in data_value.option_id means "total".
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('dimension_code', 'text', (c) => c.notNull().references('dimension.code'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addUniqueConstraint('dimension_option_code', ['dimension_code', 'code'])
    .execute()

  await db.schema
    .createTable('data_element')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('plugin_id', 'text', (c) => c.references('plugin.id'))
    .addColumn('owner_org_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('dimension_code', 'text', (c) => c.references('dimension.code'))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('plugin_id', 'text', (c) => c.references('plugin.id'))
    .addColumn('owner_org_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('data_value')
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('element_id', 'integer', (c) => c.notNull().references('data_element.id'))
    .addColumn('option_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('value', 'double precision')
    .addColumn('text_value', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    // One org unit's values for a period are contiguous: subtree aggregation reads ranges.
    .addPrimaryKeyConstraint('data_value_pk', ['org_unit_id', 'period_id', 'element_id', 'option_id'])
    .execute()

  await db.schema
    .createTable('target')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('tolerance', 'double precision')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('target_key', ['indicator_code', 'period_id', 'org_unit_id'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer')
    .addColumn('old_value', 'jsonb')
    .addColumn('new_value', 'jsonb')
    .execute()
  await db.schema.createIndex('audit_log_org_unit').on('audit_log').columns(['org_unit_id', 'at']).execute()
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_key']).execute()
  // The audit log is append-only in the database itself, not only by convention in the code.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op;
    end $$
  `.execute(db)
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()
  `.execute(db)
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()
  `.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('the foundation migration is not reversible')
}
