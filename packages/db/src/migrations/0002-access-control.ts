import { sql, type Kysely } from 'kysely'

/** Users, their role assignments in the org tree, sessions, login attempts and API tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // Stored lower-case: logins compare case-insensitively.
    .addColumn('login', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`login = lower(login)`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('role_assignment')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(sql`role in ('platform_admin', 'region_admin', 'municipal_coordinator', 'school_operator', 'analyst')`),
    )
    .addColumn('org_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Only a platform admin may be bound to no org unit; every other role is a subtree.
    .addCheckConstraint('role_assignment_unit', sql`org_unit_id is not null or role = 'platform_admin'`)
    .execute()
  await sql`
    alter table role_assignment add constraint role_assignment_key unique nulls not distinct (user_id, role, org_unit_id)
  `.execute(db)
  await db.schema.createIndex('role_assignment_org_unit').on('role_assignment').column('org_unit_id').execute()

  await db.schema
    .createTable('user_session')
    // sha-256 of the cookie's token: a copy of the table does not open anyone's session.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute()

  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('success', 'boolean', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('login_attempt_login').on('login_attempt').columns(['login', 'at']).execute()
  await db.schema.createIndex('login_attempt_address').on('login_attempt').columns(['address', 'at']).execute()

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['api_token', 'login_attempt', 'user_session', 'role_assignment', 'app_user'])
    await db.schema.dropTable(table).execute()
}
