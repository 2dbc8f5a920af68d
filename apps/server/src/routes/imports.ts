import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Database, Kysely } from '@profmon/db'
import { importWorkbook } from '../collection/xlsx/import-workbook.ts'
import { assertFileSize, attachment, formFile, uploadLimit, XLSX_TYPE } from '../collection/xlsx/upload-limit.ts'
import { buildValuesWorkbook } from '../collection/xlsx/values-workbook.ts'
import { assertCollected } from '../collection/campaigns/collection-plan.ts'
import { LOCAL_GROUP, LOCAL_TITLE, type Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses, invalid } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { findPeriod } from '../org/periods.ts'
import { fileAnswer } from './schemas.ts'

/** 10 MB: about 2,000 organisations × 300 columns, far above a region's template. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024

const template = createRoute({
  method: 'get',
  path: '/api/imports/template',
  tags: ['imports'],
  summary: "XLSX template of a direction for an org unit's subtree, current values filled in",
  description:
    'One sheet per entry level, one row per org unit of that level in the subtree, one column per data element × ' +
    '(total and each option), Russian headers, a hidden row of codes, data validation on the value cells.',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).openapi({ example: '2025-26' }),
      plugin: z.string().min(1).openapi({ example: 'deficits' }),
    }),
  },
  responses: { 200: fileAnswer('The template', XLSX_TYPE), ...errorResponses(400, 401, 403, 404) },
})

const importErrorSchema = z
  .object({
    sheet: z.string(),
    row: z.string().openapi({ example: 'Школа № 1 (строка 5)' }),
    column: z.string().openapi({ example: 'Количество педагогов — Математика (D)' }),
    message: z.string(),
    cell: z.string().openapi({ example: 'D5' }),
  })
  .openapi('ImportError')

const upload = createRoute({
  method: 'post',
  path: '/api/imports',
  tags: ['imports'],
  summary: 'Import a filled template: every cell checked first, then one transaction, all or nothing',
  description:
    'Multipart: `file` (XLSX, at most 10 MB), `period`, `plugin`. `ok: false` lists every refused cell and writes ' +
    'nothing. Values go through the same batch write as POST /api/data-values (checks, versions, locks, audit); an ' +
    'empty cell removes an existing value. 413 for a larger file, 415 for a file that is not XLSX.',
  middleware: [uploadLimit(IMPORT_MAX_BYTES, 'Файл')] as const,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().openapi({ type: 'string', format: 'binary' }),
            period: z.string().min(1),
            plugin: z.string().min(1),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Written (ok) or refused whole with the reasons',
      content: {
        'application/json': {
          schema: z.object({ ok: z.boolean(), written: z.number().int(), errors: z.array(importErrorSchema) }),
        },
      },
    },
    413: { description: 'The file is larger than 10 MB' },
    415: { description: 'The file is not an XLSX workbook' },
    ...errorResponses(400, 401, 403),
  },
})

/**
 * A direction enabled in the unit's region, or a 400 naming it; with the catalog its workbook is
 * built from. The `local` group is the unit's local data elements (owned by it or an ancestor).
 */
export async function enabledPlugin(db: Kysely<Database>, catalog: Catalog, unit: { path: string }, id: string) {
  if (id === LOCAL_GROUP) {
    const view = await catalogFor(db, catalog, [unit])
    if (![...view.elements.values()].some((e) => e.pluginId === LOCAL_GROUP))
      throw invalid([{ path: 'plugin', message: 'no local data elements are collected here' }])
    return { id, title: LOCAL_TITLE, view }
  }
  const plugin = catalog.plugins.get(id)
  if (!plugin || !(await enabledPluginIds(db, catalog, regionIdOf(unit))).includes(id))
    throw new DomainError(
      'invalid',
      'invalid_request',
      `the direction "${id}" is unknown or not enabled in this region`,
      [{ path: 'plugin', message: `unknown or disabled direction "${id}"` }],
    )
  return { id, title: plugin.title, view: catalog }
}

export function importRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(template, async (c) => {
      const q = c.req.valid('query')
      const unit = await getOrgUnit(db, q.orgUnit)
      c.var.scope.assertCanRead(unit)
      const period = await findPeriod(db, q.period)
      const plugin = await enabledPlugin(db, catalog, unit, q.plugin)
      await assertCollected(db, unit, period, plugin.id)
      const xlsx = await buildValuesWorkbook(db, plugin.view, {
        root: unit,
        period,
        pluginId: plugin.id,
        validation: true,
      })
      return c.body(new Uint8Array(xlsx), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': attachment(`Шаблон ${plugin.title.ru} ${unit.name} ${period.code}.xlsx`),
      }) as never
    })
    .openapi(upload, async (c) => {
      // An analyst (or anyone without a writable subtree) is refused before the file is read.
      const writable = c.var.scope.writablePaths('data')
      if (writable !== null && !writable.length)
        throw new DomainError('forbidden', 'forbidden', 'your roles do not allow entering data')
      const form = c.req.valid('form')
      const file = formFile(form.file)
      assertFileSize(file, IMPORT_MAX_BYTES, 'Файл')
      const period = await findPeriod(db, form.period)
      if (!catalog.plugins.has(form.plugin) && form.plugin !== LOCAL_GROUP)
        throw new DomainError('invalid', 'invalid_request', `unknown direction "${form.plugin}"`, [
          { path: 'plugin', message: `unknown direction "${form.plugin}"` },
        ])
      // The local group: the local elements of the units the caller may write (owned by them or above).
      const view =
        form.plugin !== LOCAL_GROUP
          ? catalog
          : writable === null
            ? await catalogFor(db, catalog, [], { subtrees: null })
            : await catalogFor(
                db,
                catalog,
                writable.map((path: string) => ({ path })),
              )
      const bytes = new Uint8Array(await file.arrayBuffer())
      const result = await importWorkbook(db, view, c.var.scope, c.var.user.login, bytes, {
        period,
        pluginId: form.plugin,
      })
      return c.json(result, 200)
    })
}
