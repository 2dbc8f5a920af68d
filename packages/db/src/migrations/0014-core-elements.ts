import { sql, type Kysely } from 'kysely'

/**
 * Core data elements (issue 16): facts several directions collected each in a copy of their own
 * become one element owned by the core, which every manifest references. Frozen here as they
 * were when this migration was written; the plugin sync keeps their definitions current.
 */
const CORE = [
  {
    code: 'core.teachers_total',
    dimension: 'subject',
    title: { ru: 'Количество педагогических работников', en: 'Teachers, total' },
    sources: [
      'deficits.teachers_total',
      'digital_environment.teachers_total',
      'expertise.teachers_total',
      'mentoring.teachers_total',
      'methodical_asset.teachers_total',
      'networking.teachers_total',
      'staffing.teachers_total',
    ],
  },
  {
    code: 'core.teachers_under_35',
    dimension: null,
    title: { ru: 'Количество педагогов в возрасте до 35 лет', en: 'Teachers under 35' },
    sources: ['staffing.under_35', 'mentoring.young_teachers'],
  },
  {
    code: 'core.teachers_by_cluster',
    dimension: 'staff_cluster',
    title: { ru: 'Количество педагогов по кластерам кадров', en: 'Teachers by staff cluster' },
    sources: [],
  },
] as const

/** Lines of the migration's log that list disagreements one by one; the rest are counted. */
const LOGGED = 50

/**
 * Core data elements and derived-element settings:
 * - the core elements' rows (no plugin, no owner) and the values of the plugins' copies moved
 *   into them per org unit, period and option — where the copies disagreed the largest is kept,
 *   and every copy of a disagreeing key is kept in `core_element_merge` (so no value is lost),
 *   listed in this migration's log and shown by the data-quality flags (`copies_disagreed`);
 * - campaigns' moved entry levels and local indicators' formulas follow the new codes;
 * - `period.reference_date`: the date staff, ages and clusters of derived elements are counted
 *   on (null: the period's start);
 * - `campaign.element_sources`: per data element, `registry` or `entered` (a region without a
 *   registry enters everything, the default).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table period add column if not exists reference_date date`.execute(db)
  // A campaign row stored only for its element sources keeps the period's deadlines unset: the
  // region has not set them, so entry is not locked by a default date it never chose.
  await sql`alter table campaign add column if not exists deadlines_set boolean not null default true`.execute(db)
  await sql`alter table campaign add column if not exists element_sources jsonb not null default '{}'::jsonb`.execute(
    db,
  )
  await db.schema
    .createTable('core_element_merge')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('element_code', 'text', (c) => c.notNull())
    .addColumn('option_id', 'integer', (c) => c.notNull())
    .addColumn('source_code', 'text', (c) => c.notNull())
    .addColumn('source_value', 'double precision', (c) => c.notNull())
    .addColumn('kept_value', 'double precision', (c) => c.notNull())
    .addColumn('merged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index if not exists core_element_merge_unit on core_element_merge (period_id, org_unit_id)`.execute(
    db,
  )

  for (const core of CORE) {
    const definition = {
      code: core.code,
      title: core.title,
      valueType: 'integer',
      min: 0,
      ...(core.dimension ? { dimension: core.dimension } : {}),
    }
    await sql`
      insert into data_element (code, plugin_id, owner_org_unit_id, value_type, aggregation, dimension_code, definition)
      select ${core.code}, null, null, 'integer', 'sum', ${core.dimension}, ${JSON.stringify(definition)}::jsonb
      where exists (select 1 from dimension where code = ${core.dimension}) or ${core.dimension}::text is null
      on conflict (code) do nothing
    `.execute(db)
    if (!core.sources.length) continue
    const sources = [...core.sources]
    const target = await sql<{ id: number }>`select id from data_element where code = ${core.code}`.execute(db)
    if (!target.rows[0]) continue // an empty database: the plugin sync creates the core elements
    const targetId = target.rows[0].id
    const disagreements = await sql<{
      org_unit_id: number
      period_id: number
      option_id: number
      copies: string
      kept: number
    }>`
      with src as (
        select v.org_unit_id, v.period_id, v.option_id, v.value, e.code
        from data_value v join data_element e on e.id = v.element_id
        where e.code = any(${sources}::text[]) and v.value is not null
      ), merged as (
        select org_unit_id, period_id, option_id, max(value) as kept
        from src group by org_unit_id, period_id, option_id having count(distinct value) > 1
      ), logged as (
        insert into core_element_merge (org_unit_id, period_id, element_code, option_id, source_code, source_value, kept_value)
        select s.org_unit_id, s.period_id, ${core.code}, s.option_id, s.code, s.value, m.kept
        from src s join merged m using (org_unit_id, period_id, option_id)
        returning org_unit_id, period_id, option_id, source_code, source_value, kept_value
      )
      select org_unit_id, period_id, option_id, kept_value as kept,
             string_agg(source_code || '=' || source_value, ', ' order by source_code) as copies
      from logged group by org_unit_id, period_id, option_id, kept_value
      order by period_id, org_unit_id, option_id
    `.execute(db)
    // Values already stored under the core code (a re-run) stay unless a copy is larger.
    const moved = await sql`
      insert into data_value (org_unit_id, period_id, element_id, option_id, value, updated_by)
      select v.org_unit_id, v.period_id, ${targetId}, v.option_id, max(v.value), 'migration 0014-core-elements'
      from data_value v join data_element e on e.id = v.element_id
      where e.code = any(${sources}::text[]) and v.value is not null
      group by v.org_unit_id, v.period_id, v.option_id
      on conflict (org_unit_id, period_id, element_id, option_id)
      do update set value = greatest(data_value.value, excluded.value)
    `.execute(db)
    await sql`
      delete from data_value where element_id in (select id from data_element where code = any(${sources}::text[]))
    `.execute(db)
    // Moved entry levels and local formulas name the core code from now on.
    await sql`
      update campaign set entry_levels = (
        select coalesce(jsonb_object_agg(case when key = any(${sources}::text[]) then ${core.code} else key end, value), '{}'::jsonb)
        from jsonb_each(entry_levels))
      where entry_levels ?| ${sources}::text[]
    `.execute(db)
    for (const source of sources) {
      const from = `#{${source}}`
      const to = `#{${core.code}}`
      await sql`update local_indicator_revision set definition = replace(definition::text, ${from}, ${to})::jsonb
                where strpos(definition::text, ${from}) > 0`.execute(db)
      await sql`update indicator set definition = replace(definition::text, ${from}, ${to})::jsonb
                where plugin_id is null and strpos(definition::text, ${from}) > 0`.execute(db)
    }
    const rows = disagreements.rows
    console.warn(
      `0014-core-elements: ${core.code} ← ${sources.join(', ')}: ${Number(moved.numAffectedRows ?? 0)} value(s) moved, ` +
        `${rows.length} key(s) where the copies disagreed (the largest kept; all copies in core_element_merge)`,
    )
    for (const r of rows.slice(0, LOGGED))
      console.warn(
        `  org unit ${r.org_unit_id}, period ${r.period_id}, option ${r.option_id}: ${r.copies} → kept ${r.kept}`,
      )
    if (rows.length > LOGGED) console.warn(`  … and ${rows.length - LOGGED} more`)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The moved values stay under the core codes: the plugins' copies are gone from the manifests.
  await db.schema.dropTable('core_element_merge').ifExists().execute()
  await sql`alter table campaign drop column if exists element_sources`.execute(db)
  await sql`alter table campaign drop column if exists deadlines_set`.execute(db)
  await sql`alter table period drop column if exists reference_date`.execute(db)
}
