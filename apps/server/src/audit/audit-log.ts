import type { AuditEntry, Database, Kysely, Transaction } from '@profmon/db'

/** One change to record: who did what to which entity, in which org unit, from what to what. */
export interface AuditInput {
  actor: string
  action: string
  entity: string
  entityKey: string
  orgUnitId: number | null
  oldValue?: unknown
  newValue?: unknown
}

/**
 * Appends changes to the audit log (append-only: the database refuses UPDATE and DELETE).
 * Call it in the transaction of the write, so a change and its record commit together.
 *
 * @example
 * await appendAudit(trx, [{ actor: 'region', action: 'enable', entity: 'region_plugin', entityKey: '1|deficits', orgUnitId: 1, oldValue: false, newValue: true }])
 */
export async function appendAudit(db: Kysely<Database> | Transaction<Database>, entries: AuditInput[]): Promise<void> {
  if (!entries.length) return
  const rows: AuditEntry[] = entries.map((e) => ({
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_key: e.entityKey,
    org_unit_id: e.orgUnitId,
    old_value: e.oldValue === undefined || e.oldValue === null ? null : JSON.stringify(e.oldValue),
    new_value: e.newValue === undefined || e.newValue === null ? null : JSON.stringify(e.newValue),
  }))
  await db.insertInto('audit_log').values(rows).execute()
}
