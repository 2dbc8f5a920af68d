import { sql, type Database, type Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { forbidden, invalid } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { listEventsOf } from './events.ts'
import { pdKeys } from './pd-crypto.ts'
import { auditUnit, readablePerson, viewOf } from './people-read.ts'
import { today } from './person-fields.ts'
import { registryTransaction } from './db-errors.ts'
import { registrySettings } from './settings.ts'

/** A person's rights over their data (152-ФЗ): the export on request, anonymisation after the retention period. */

/**
 * Everything the registry holds on a person, for their request (152-ФЗ art. 14): the card with
 * SNILS, employments in the caller's tree and every event. Only for callers who see the person's
 * personal data; audited as an export.
 */
export async function exportTeacher(db: Kysely<Database>, scope: Scope, actor: string, id: number) {
  const { person, vis } = await readablePerson(db, scope, id)
  if (!vis.personal) throw forbidden(`person ${id}: your roles do not allow reading their personal data`, 'id')
  pdKeys()
  const events = await listEventsOf(db, scope, [id])
  await appendAudit(db, [
    {
      actor,
      action: 'export',
      entity: 'person',
      entityKey: String(id),
      orgUnitId: auditUnit(person, scope),
      newValue: { events: events.length },
    },
  ])
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: actor,
    person: viewOf(person, scope, true, true),
    events,
  }
}

/**
 * Anonymises the people of a region whose last employment ended more than the region's retention
 * period ago: names, SNILS and the day and month of birth are replaced (the birth year stays, so
 * the counts by age keep their meaning), employments and events stay for the counts.
 */
export async function anonymiseLeavers(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  regionId: number,
  on = today(),
): Promise<{ anonymised: number; before: string }> {
  const region = await getOrgUnit(db, regionId)
  if (region.level !== 1) throw invalid([{ path: 'region', message: `org unit ${regionId} is not a region` }])
  scope.assertCanWrite(region, 'plugins', 'region')
  return registryTransaction(db, async (trx) => {
    const settings = await registrySettings(trx, region.id)
    const d = new Date(`${on}T00:00:00Z`)
    d.setUTCMonth(d.getUTCMonth() - settings.retentionMonths)
    const before = d.toISOString().slice(0, 10)
    const due = await trx
      .selectFrom('person as p')
      .select('p.id')
      .where('p.region_id', '=', region.id)
      .where('p.anonymised_at', 'is', null)
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('employment as e')
              .select('e.id')
              .whereRef('e.person_id', '=', 'p.id')
              .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', before)])),
          ),
        ),
      )
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('employment as e').select('e.id').whereRef('e.person_id', '=', 'p.id')),
      )
      .execute()
    const ids = due.map((r) => r.id)
    // The run is audited even when nobody was due: who asked, when, with which cut-off.
    await appendAudit(trx, [
      {
        actor,
        action: 'anonymise',
        entity: 'person',
        entityKey: `region:${region.id}`,
        orgUnitId: region.id,
        newValue: { people: ids, leftBefore: before, retentionMonths: settings.retentionMonths },
      },
    ])
    if (ids.length) {
      await trx
        .updateTable('person')
        .set({
          surname: 'Обезличено',
          name: sql<string>`'№ ' || id`,
          patronymic: null,
          birth_date: sql<string>`make_date(extract(year from birth_date)::int, 7, 1)`,
          snils_enc: null,
          snils_hash: null,
          anonymised_at: new Date(),
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('id', 'in', ids)
        .execute()
    }
    return { anonymised: ids.length, before }
  })
}
