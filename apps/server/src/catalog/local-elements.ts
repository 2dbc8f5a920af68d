import {
  dataElementSchema,
  derivedIssues,
  ORG_LEVEL_DEPTH,
  type DataElement,
  type Derived,
  type OrgLevel,
} from '@profmon/contract'
import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { DomainError, fromZodError, invalid } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { inAnyDirection, type Catalog } from './catalog.ts'
import { loadLocalElements } from './local-definitions.ts'
import { slugOf, toLocalized, type TextInput } from './local-drafts.ts'
import { assertCanDefine, ownedUnit, uniqueCode } from './local-owners.ts'

/*
 * Data elements for formulas, and local data elements defined by municipalities and regions:
 * collected in the owner's subtree only; every change audited in its transaction.
 */

/** Bounds and requiredness a local element's definition may change. */
export interface ElementBounds {
  min?: number | undefined
  max?: number | undefined
  required?: boolean | undefined
}

/** A new local data element as the API takes it. */
export interface LocalElementInput extends ElementBounds {
  orgUnit: number
  title: TextInput
  description?: TextInput | undefined
  valueType: 'integer' | 'number' | 'boolean'
  entryLevel?: OrgLevel | undefined
  aggregation?: 'sum' | 'count_true' | 'any' | 'all' | 'min' | 'max' | undefined
  dimension?: string | null | undefined
  slug?: string | undefined
  /** Counted from the teacher registry, as a manifest declares it; the breakdown is the dimension. */
  derived?: Derived | undefined
}

type LocalElement = Awaited<ReturnType<typeof loadLocalElements>>[number]
const localView = (e: LocalElement) => ({
  ...viewOf(e.definition, null, { id: e.owner!.id, name: e.ownerName, level: e.ownerLevel }),
  archived: e.archived,
})
/** The owner of a local definition as lists show it (no path: a school sees its ancestors' names only). */
export interface OwnerView {
  id: number
  name: string
  level: number
}

function viewOf(d: DataElement, plugin: string | null, owner: OwnerView | null) {
  return {
    code: d.code,
    title: d.title,
    valueType: d.valueType,
    aggregation: d.aggregation,
    entryLevel: d.entryLevel,
    dimension: d.dimension ?? null,
    min: d.min ?? null,
    max: d.max ?? null,
    derived: d.derived ?? null,
    plugin,
    owner,
    archived: false,
  }
}

async function byCode(db: Kysely<Database>, code: string): Promise<LocalElement> {
  const found = await db
    .selectFrom('data_element')
    .select('owner_org_unit_id')
    .where('code', '=', code)
    .where('owner_org_unit_id', 'is not', null)
    .executeTakeFirst()
  if (!found)
    throw new DomainError('not_found', 'not_found', `no local data element "${code}"`, [
      { path: 'code', message: 'unknown' },
    ])
  const rows = await loadLocalElements(db, { ownerIds: [found.owner_org_unit_id!] }, true)
  return rows.find((r) => r.definition.code === code)!
}
async function save(
  db: Kysely<Database>,
  e: LocalElement,
  definition: DataElement,
  actor: string,
  action: 'update' | 'archive',
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('data_element')
      .set(action === 'archive' ? { archived_at: new Date() } : { definition: JSON.stringify(definition) })
      .where('id', '=', e.id)
      .execute()
    await appendAudit(trx, [
      {
        actor,
        action,
        entity: 'local_data_element',
        entityKey: e.definition.code,
        orgUnitId: e.owner!.id,
        oldValue: action === 'archive' ? { archived: false } : e.definition,
        newValue: action === 'archive' ? { archived: true } : definition,
      },
    ])
  })
}

/**
 * The data elements a formula at this unit may use: the enabled directions' and the local ones of
 * the unit and its ancestors (default unit: the caller's home).
 */
export async function listDataElements(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  orgUnit: number | undefined,
) {
  const id = orgUnit ?? scope.user.roles.find((r) => r.orgUnit)?.orgUnit?.id
  if (id === undefined) return { elements: [] }
  const unit = await getOrgUnit(db, id)
  scope.assertCanRead(unit)
  const [enabled, local] = await Promise.all([
    enabledPluginIds(db, catalog, regionIdOf(unit)),
    loadLocalElements(db, { ownerIds: unit.path.split('/').filter(Boolean).map(Number) }),
  ])
  const on = new Set(enabled)
  const elements = [
    ...[...catalog.elements.values()]
      .filter((e) => inAnyDirection(e, on))
      .map((e) => viewOf(e.definition, e.pluginId, null)),
    ...local.map(localView),
  ]
  return { elements }
}

/** Defines a local data element owned by a municipality or region the caller defines for. */
export async function createLocalElement(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  body: LocalElementInput,
) {
  const unit = await ownedUnit(db, scope, body.orgUnit)
  const title = toLocalized(body.title)!
  const code = await uniqueCode(db, 'data_element', `local.${unit.id}.${body.slug ?? slugOf(title.ru)}`)
  const parsed = dataElementSchema.safeParse({
    code,
    title,
    description: toLocalized(body.description),
    valueType: body.valueType,
    entryLevel: body.entryLevel ?? 'organization',
    aggregation: body.aggregation ?? (body.valueType === 'boolean' ? 'count_true' : 'sum'),
    min: body.min ?? (body.valueType === 'boolean' ? undefined : 0),
    max: body.max,
    required: body.required,
    dimension: body.dimension ?? body.derived?.breakdown ?? undefined,
    derived: body.derived,
  })
  if (!parsed.success) throw fromZodError(parsed.error)
  const d = parsed.data
  // The same checks as a manifest's: the filter compiled against the registry's fields.
  const derivedProblems = derivedIssues(d)
  if (derivedProblems.length)
    throw invalid(derivedProblems.map((p) => ({ path: ['derived', ...p.path].join('.'), message: p.message })))
  if (d.dimension && !catalog.dimensions.has(d.dimension))
    throw invalid([{ path: 'dimension', message: `unknown dimension "${d.dimension}"` }])
  if (ORG_LEVEL_DEPTH[d.entryLevel] < unit.level)
    throw invalid([{ path: 'entryLevel', message: `entered above its owner's level` }])
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('data_element')
      .values({
        code,
        plugin_id: null,
        owner_org_unit_id: unit.id,
        value_type: d.valueType,
        aggregation: d.aggregation,
        dimension_code: d.dimension ?? null,
        definition: JSON.stringify(d),
      })
      .execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'create',
        entity: 'local_data_element',
        entityKey: code,
        orgUnitId: unit.id,
        newValue: d,
      },
    ])
  })
  return localView(await byCode(db, code))
}

/** Changes the title, description or bounds of a local data element (type and breakdown stay). */
export async function updateLocalElement(
  db: Kysely<Database>,
  scope: Scope,
  code: string,
  body: ElementBounds & { title?: TextInput | undefined; description?: TextInput | undefined },
) {
  const e = await byCode(db, code)
  assertCanDefine(scope, e.owner!, 'code')
  const parsed = dataElementSchema.safeParse({
    ...e.definition,
    ...(body.title ? { title: toLocalized(body.title) } : {}),
    ...(body.description ? { description: toLocalized(body.description) } : {}),
    ...(body.min !== undefined ? { min: body.min } : {}),
    ...(body.max !== undefined ? { max: body.max } : {}),
    ...(body.required !== undefined ? { required: body.required } : {}),
  })
  if (!parsed.success) throw fromZodError(parsed.error)
  await save(db, e, parsed.data, scope.user.login, 'update')
  return localView(await byCode(db, code))
}

/** Archives a local data element: no longer offered or written; its values are kept. */
export async function archiveLocalElement(db: Kysely<Database>, scope: Scope, code: string) {
  const e = await byCode(db, code)
  assertCanDefine(scope, e.owner!, 'code')
  if (!e.archived) await save(db, e, e.definition, scope.user.login, 'archive')
  return localView(await byCode(db, code))
}
