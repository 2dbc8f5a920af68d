import { sql, type Kysely } from 'kysely'

/**
 * The teacher registry (issue 16): people of a region with their employments in organisations,
 * subjects taught, qualification and dated events (diagnostics with the deficits found, ИОМ with
 * its steps, courses, retraining, mentoring, expert roles, memberships, contests, attestation),
 * from which derived data elements are counted. Personal data: SNILS is stored only encrypted
 * (`snils_enc`, AES-256-GCM) with a keyed hash (`snils_hash`, HMAC-SHA256) for matching; an
 * anonymised person keeps their counts and loses names, birth date and SNILS. `registry_setting`
 * holds whether a region keeps a registry, its retention period and whether its admins may read
 * personal data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text')
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('snils_enc', 'text')
    .addColumn('snils_hash', 'text')
    .addColumn('education', 'text', (c) =>
      c.check(sql`education in ('higher_pedagogical', 'higher_other', 'secondary_pedagogical', 'secondary_other')`),
    )
    .addColumn('experience_since', 'date')
    .addColumn('category', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`category in ('none', 'first', 'highest')`),
    )
    .addColumn('category_on', 'date')
    .addColumn('management_reserve', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('anonymised_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('person_region_snils', ['region_id', 'snils_hash'])
    .execute()
  await sql`create index if not exists person_match on person (region_id, birth_date)`.execute(
    db,
  )

  await db.schema
    .createTable('employment')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('position', 'text', (c) =>
      c.notNull().check(sql`position in ('teacher', 'head', 'deputy_head', 'methodist', 'educator', 'other')`),
    )
    .addColumn('rate', sql`numeric(4, 2)`, (c) => c.notNull().defaultTo(1))
    .addColumn('main', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addCheckConstraint('employment_dates', sql`ends_on is null or ends_on >= starts_on`)
    .execute()
  await sql`create index if not exists employment_org_unit on employment (org_unit_id)`.execute(db)
  await sql`create index if not exists employment_person on employment (person_id)`.execute(db)

  await db.schema
    .createTable('person_subject')
    .ifNotExists()
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('option_id', 'integer', (c) => c.notNull().references('dimension_option.id'))
    .addPrimaryKeyConstraint('person_subject_pk', ['person_id', 'option_id'])
    .execute()

  await db.schema
    .createTable('person_event')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('diagnostics', 'iom', 'course', 'retraining', 'mentoring', 'expert_role', 'membership', 'contest', 'attestation')`,
        ),
    )
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('completed_on', 'date')
    .addColumn('based_on', 'integer', (c) => c.references('person_event.id').onDelete('set null'))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index if not exists person_event_person on person_event (person_id)`.execute(db)
  await sql`create index if not exists person_event_kind_date on person_event (kind, occurred_on)`.execute(db)

  await db.schema
    .createTable('person_event_option')
    .ifNotExists()
    .addColumn('event_id', 'integer', (c) => c.notNull().references('person_event.id').onDelete('cascade'))
    .addColumn('option_id', 'integer', (c) => c.notNull().references('dimension_option.id'))
    .addPrimaryKeyConstraint('person_event_option_pk', ['event_id', 'option_id'])
    .execute()

  await db.schema
    .createTable('iom_step')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('person_event.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('course', 'mentoring', 'methodical_event', 'internship', 'other')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('completed_on', 'date')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`create index if not exists iom_step_event on iom_step (event_id)`.execute(db)

  await db.schema
    .createTable('registry_setting')
    .ifNotExists()
    .addColumn('region_id', 'integer', (c) => c.primaryKey().references('org_unit.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('retention_months', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(36)
        .check(sql`retention_months > 0`),
    )
    .addColumn('region_admin_read', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registry_setting').ifExists().execute()
  await db.schema.dropTable('iom_step').ifExists().execute()
  await db.schema.dropTable('person_event_option').ifExists().execute()
  await db.schema.dropTable('person_event').ifExists().execute()
  await db.schema.dropTable('person_subject').ifExists().execute()
  await db.schema.dropTable('employment').ifExists().execute()
  await db.schema.dropTable('person').ifExists().execute()
}
