import type { Database, Kysely, Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { invalid } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The registry settings of a region as the API shows them. */
export interface RegistrySettings {
  region: number
  /** The region keeps a registry: derived elements may count from it (else every element stays entered). */
  enabled: boolean
  /** Months after a person's last employment ended before they are anonymised. */
  retentionMonths: number
  /** The region's admins may read personal data of the region's people. */
  regionAdminRead: boolean
}

export const DEFAULT_SETTINGS = { enabled: false, retentionMonths: 36, regionAdminRead: false } as const

/** The settings of a region; its defaults when it never saved any. */
export async function registrySettings(db: Db, regionId: number): Promise<RegistrySettings> {
  const row = await db.selectFrom('registry_setting').selectAll().where('region_id', '=', regionId).executeTakeFirst()
  return row
    ? {
        region: regionId,
        enabled: row.enabled,
        retentionMonths: row.retention_months,
        regionAdminRead: row.region_admin_read,
      }
    : { region: regionId, ...DEFAULT_SETTINGS }
}

async function regionUnit(db: Db, id: number) {
  const unit = await getOrgUnit(db as Kysely<Database>, id)
  if (unit.level !== 1) throw invalid([{ path: 'region', message: `org unit ${id} is not a region` }])
  return unit
}

/** The settings of a region the caller works in, at any level (403 otherwise). */
export async function readRegistrySettings(db: Db, scope: Scope, regionId: number): Promise<RegistrySettings> {
  const unit = await regionUnit(db, regionId)
  scope.assertCanSeeRegion(unit.id, 'region')
  return registrySettings(db, unit.id)
}

/** Changes a region's settings: region admins of the region and platform admins; audited. */
export async function saveRegistrySettings(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  regionId: number,
  change: Partial<Omit<RegistrySettings, 'region'>>,
): Promise<RegistrySettings> {
  return db.transaction().execute(async (trx) => {
    const unit = await regionUnit(trx, regionId)
    scope.assertCanWrite(unit, 'plugins', 'region')
    const old = await registrySettings(trx, unit.id)
    const next = { ...old, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) }
    const row = {
      enabled: next.enabled,
      retention_months: next.retentionMonths,
      region_admin_read: next.regionAdminRead,
      updated_by: actor,
      updated_at: new Date(),
    }
    await trx
      .insertInto('registry_setting')
      .values({ region_id: unit.id, ...row })
      .onConflict((oc) => oc.column('region_id').doUpdateSet(row))
      .execute()
    await appendAudit(trx, [
      {
        actor,
        action: 'update',
        entity: 'registry_setting',
        entityKey: String(unit.id),
        orgUnitId: unit.id,
        oldValue: old,
        newValue: next,
      },
    ])
    return next
  })
}
