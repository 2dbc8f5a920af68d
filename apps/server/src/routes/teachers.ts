import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { assertFileSize, attachment, formFile, uploadLimit, XLSX_TYPE } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'
import {
  CATEGORIES,
  CONTEST_LEVELS,
  CONTEST_RESULTS,
  COURSE_PROVIDERS,
  EVENT_KINDS,
  EXPERT_ROLES,
  IOM_STEP_KINDS,
  MEMBERSHIP_KINDS,
  MENTORING_ROLES,
} from '../registry/event-details.ts'
import { createEvent, deleteEvent, listEvents, updateEvent } from '../registry/events.ts'
import { importRegionEvents, importStaff } from '../registry/import.ts'
import { createTeacher, deleteTeacher, updateTeacher } from '../registry/people.ts'
import { getTeacher, listTeachers } from '../registry/people-read.ts'
import { EDUCATIONS, optionTitles, POSITIONS } from '../registry/person-fields.ts'
import { anonymiseLeavers, exportTeacher } from '../registry/retention.ts'
import { readRegistrySettings, saveRegistrySettings } from '../registry/settings.ts'
import { buildRegistryTemplate } from '../registry/workbook.ts'
import { answer, fileAnswer, idParam, json } from './schemas.ts'

/** 10 MB: a region's course completions of a year, far above a school's staff list. */
export const REGISTRY_IMPORT_MAX_BYTES = 10 * 1024 * 1024

const TAGS = ['teachers']
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .openapi({ format: 'date', example: '2024-09-01' })

const position = z.enum(POSITIONS).openapi('Position')
const education = z.enum(EDUCATIONS).openapi('Education')
const category = z.enum(CATEGORIES).openapi('QualificationCategory')

const employmentSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int(),
    orgUnitName: z.string(),
    position,
    rate: z.number().openapi({ example: 1 }),
    main: z.boolean().openapi({ description: 'Main place of work (else part-time)' }),
    startsOn: z.string().openapi({ format: 'date' }),
    endsOn: z.string().nullable().openapi({ format: 'date' }),
  })
  .openapi('Employment')

const personSchema = z
  .object({
    id: z.number().int(),
    surname: z
      .string()
      .optional()
      .openapi({ description: 'Personal data: present only for callers allowed to see it' }),
    name: z.string().optional(),
    patronymic: z.string().nullable().optional(),
    birthDate: z.string().optional().openapi({ format: 'date' }),
    snils: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'On a card, for callers allowed to see personal data', example: '112-233-445 95' }),
    hasSnils: z.boolean(),
    education: education.nullable(),
    experienceSince: z.string().nullable().openapi({ format: 'date', description: 'Start of pedagogical experience' }),
    category,
    categoryOn: z.string().nullable().openapi({ format: 'date' }),
    managementReserve: z.boolean(),
    subjects: z.array(z.string()).openapi({ description: 'Codes of the `subject` dimension', example: ['math'] }),
    employments: z.array(employmentSchema).openapi({ description: "Only in units of the caller's tree" }),
    anonymised: z.boolean(),
    version: z.number().int(),
  })
  .openapi('Teacher')

const employmentInput = z
  .object({
    orgUnit: z.number().int().positive(),
    position,
    rate: z.number().positive().max(99.99).optional(),
    main: z.boolean().optional(),
    startsOn: date,
    endsOn: date.nullable().optional(),
  })
  .strict()
  .openapi('EmploymentInput')

const personFields = {
  surname: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  patronymic: z.string().trim().max(100).nullable().optional(),
  birthDate: date,
  snils: z
    .string()
    .max(20)
    .nullable()
    .optional()
    .openapi({ description: '11 digits, dashes and spaces allowed; checksum-validated', example: '112-233-445 95' }),
  education: education.nullable().optional(),
  experienceSince: date.nullable().optional(),
  category: category.optional(),
  categoryOn: date.nullable().optional(),
  managementReserve: z.boolean().optional(),
  subjects: z.array(z.string().min(1)).max(30).optional(),
}

const newPerson = z
  .object({ ...personFields, employments: z.array(employmentInput).min(1).max(20) })
  .strict()
  .openapi('NewTeacher')

const personChange = z
  .object({
    version: z.number().int().positive(),
    surname: personFields.surname.optional(),
    name: personFields.name.optional(),
    patronymic: personFields.patronymic,
    birthDate: date.optional(),
    snils: personFields.snils,
    education: personFields.education,
    experienceSince: personFields.experienceSince,
    category: personFields.category,
    categoryOn: personFields.categoryOn,
    managementReserve: personFields.managementReserve,
    subjects: personFields.subjects,
    employments: z.array(employmentInput).max(20).optional().openapi({
      description: 'Replaces the employments in the organisations where you keep records; others stay',
    }),
  })
  .strict()
  .openapi('TeacherChange')

const stepSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(IOM_STEP_KINDS),
    title: z.string(),
    dueOn: z.string().nullable(),
    completedOn: z.string().nullable(),
  })
  .openapi('IomStep')

const eventKind = z.enum(EVENT_KINDS).openapi('PersonEventKind')

const detailsDescription =
  'By kind: diagnostics { instrument? }; iom { title? }; course { title, provider: ' +
  `${COURSE_PROVIDERS.join('|')}, hours?, distance? }; retraining { pedagogical, provider? }; mentoring { role: ` +
  `${MENTORING_ROLES.join('|')}, partner_id?, programme? }; expert_role { role: ${EXPERT_ROLES.join('|')} }; ` +
  `membership { kind: ${MEMBERSHIP_KINDS.join('|')}, name }; contest { level: ${CONTEST_LEVELS.join('|')}, result: ` +
  `${CONTEST_RESULTS.join('|')}, name? }; attestation { category: ${CATEGORIES.join('|')} }`

const eventSchema = z
  .object({
    id: z.number().int(),
    person: z.number().int(),
    kind: eventKind,
    occurredOn: z.string().openapi({ format: 'date' }),
    completedOn: z.string().nullable(),
    basedOn: z.number().int().nullable().openapi({ description: 'The diagnostics an ИОМ or course is built on' }),
    details: z.record(z.string(), z.unknown()).openapi({ description: detailsDescription }),
    deficits: z.array(z.string()).openapi({ description: 'Diagnostics: codes of the `deficit_type` dimension' }),
    steps: z.array(stepSchema),
    orgUnit: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The unit that recorded it; null when outside the caller's tree (e.g. the region)" }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('PersonEvent')

const stepInput = z
  .object({
    kind: z.enum(IOM_STEP_KINDS),
    title: z.string().trim().min(1).max(500),
    dueOn: date.nullable().optional(),
    completedOn: date.nullable().optional(),
  })
  .strict()
  .openapi('IomStepInput')

const eventFields = {
  occurredOn: date,
  completedOn: date.nullable().optional(),
  basedOn: z.number().int().positive().nullable().optional(),
  details: z.record(z.string(), z.unknown()).optional().openapi({ description: detailsDescription }),
  deficits: z.array(z.string().min(1)).max(20).optional(),
  steps: z.array(stepInput).max(50).optional(),
}
const newEvent = z
  .object({
    kind: eventKind,
    ...eventFields,
    orgUnit: z.number().int().positive().optional().openapi({
      description: "The recording organisation (one of the person's); default the first where you keep records",
    }),
  })
  .strict()
  .openapi('NewPersonEvent')
const eventChange = z.object(eventFields).strict().openapi('PersonEventChange')

const importErrorSchema = z
  .object({
    sheet: z.string().openapi({ example: 'Сотрудники' }),
    row: z.number().int().nullable().openapi({ example: 5 }),
    column: z.string().openapi({ example: 'СНИЛС (E)' }),
    message: z.string().openapi({ example: 'неверная контрольная сумма СНИЛС' }),
  })
  .openapi('RegistryImportError')

const settingsSchema = z
  .object({
    region: z.number().int(),
    enabled: z.boolean().openapi({ description: 'The region keeps a registry (derived elements may count from it)' }),
    retentionMonths: z.number().int().openapi({ example: 36 }),
    regionAdminRead: z.boolean().openapi({ description: "The region's admins may read personal data" }),
  })
  .openapi('RegistrySettings')

const personParam = idParam
const eventParams = idParam.extend({
  eventId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'eventId', in: 'path' }, example: 1 }),
})

const uploadBody = <T extends z.ZodRawShape>(fields: T) => ({
  required: true,
  content: {
    'multipart/form-data': {
      schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), ...fields }),
    },
  },
})
const uploadErrors = {
  413: { description: 'The file is larger than 10 MB' },
  415: { description: 'The file is not an XLSX workbook' },
}

const list = createRoute({
  method: 'get',
  path: '/api/teachers',
  tags: TAGS,
  summary: "People employed in an org unit's subtree; personal fields only for allowed roles; audited",
  description:
    "An organisation's staff (or a municipality's). Names, birth dates and SNILS are shown to the organisation's " +
    'operators and its municipal coordinator (to region admins only when the region grants it); others get the ' +
    'records without them (`personal: false`). A foreign unit is a 403. Every read is written to the audit log.',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      state: z.enum(['current', 'left', 'all']).default('current').openapi({
        description: 'current: employed on `on`; left: no longer employed there; all',
      }),
      on: date.optional().openapi({ description: 'Reference date of `state` (default today)' }),
    }),
  },
  responses: {
    200: answer('The people', z.object({ personal: z.boolean(), items: z.array(personSchema) }).openapi('TeacherList')),
    ...errorResponses(400, 401, 403, 404),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/teachers',
  tags: TAGS,
  summary: 'Record a person with their employments (201), or add them to the one the region already has (200)',
  request: { body: json(newPerson) },
  responses: {
    200: answer('The person the region already had, with the new employments', personSchema),
    201: answer('The new person', personSchema),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const template = createRoute({
  method: 'get',
  path: '/api/teachers/template',
  tags: TAGS,
  summary: 'XLSX template of the staff list and events of an organisation (no personal data in it)',
  request: { query: z.object({ orgUnit: z.coerce.number().int().positive() }) },
  responses: { 200: fileAnswer('The template', XLSX_TYPE), ...errorResponses(400, 401, 403, 404) },
})

const importRoute = createRoute({
  method: 'post',
  path: '/api/teachers/import',
  tags: TAGS,
  summary: "Import an organisation's staff list and events: all or nothing, errors by sheet, row and column",
  description:
    'Multipart: `file` (the filled template), `orgUnit` (the organisation). People are matched across the region ' +
    'by SNILS or by surname, name, patronymic and birth date. `ok: false` writes nothing.',
  middleware: [uploadLimit(REGISTRY_IMPORT_MAX_BYTES, 'Файл')] as const,
  request: { body: uploadBody({ orgUnit: z.coerce.number().int().positive() }) },
  responses: {
    200: answer(
      'Written (ok) or refused whole with the reasons',
      z.object({ ok: z.boolean(), written: z.number().int(), errors: z.array(importErrorSchema) }),
    ),
    ...uploadErrors,
    ...errorResponses(400, 401, 403, 404),
  },
})

const eventsImport = createRoute({
  method: 'post',
  path: '/api/teachers/events/import',
  tags: TAGS,
  summary:
    "Import a region-wide events file (e.g. the regional centre's course completions), matched across the region",
  description:
    'Multipart: `file` (the events sheet of the template), `region`. Region admins. Each row is matched to a person ' +
    'of the region by SNILS or by name and birth date and recorded by the region; rows matching nobody are listed ' +
    'back with what the file itself said. A row wrong in itself refuses the file (`ok: false`, nothing written).',
  middleware: [uploadLimit(REGISTRY_IMPORT_MAX_BYTES, 'Файл')] as const,
  request: { body: uploadBody({ region: z.coerce.number().int().positive() }) },
  responses: {
    200: answer(
      'Matched and written, with the unmatched rows',
      z.object({
        ok: z.boolean(),
        matched: z.number().int(),
        unmatched: z.array(
          z
            .object({
              sheet: z.string(),
              row: z.number().int(),
              reason: z.enum(['not_found', 'ambiguous', 'snils_conflict']),
              surname: z.string().nullable(),
              name: z.string().nullable(),
              patronymic: z.string().nullable(),
              birthDate: z.string().nullable(),
              snils: z.string().nullable(),
            })
            .openapi('UnmatchedEventRow'),
        ),
        errors: z.array(importErrorSchema),
      }),
    ),
    ...uploadErrors,
    ...errorResponses(400, 401, 403, 404),
  },
})

const getOne = createRoute({
  method: 'get',
  path: '/api/teachers/{id}',
  tags: TAGS,
  summary: "A person's card (SNILS for allowed roles); audited",
  request: { params: personParam },
  responses: { 200: answer('The person', personSchema), ...errorResponses(401, 403, 404) },
})

const update = createRoute({
  method: 'put',
  path: '/api/teachers/{id}',
  tags: TAGS,
  summary: 'Change a person (with the version read: 409 when someone changed it meanwhile)',
  request: { params: personParam, body: json(personChange) },
  responses: { 200: answer('The person', personSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/teachers/{id}',
  tags: TAGS,
  summary: "Take a person off your organisations' records (the person goes when no employment remains)",
  request: { params: personParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
})

const exportRoute = createRoute({
  method: 'get',
  path: '/api/teachers/{id}/export',
  tags: TAGS,
  summary: 'Everything the registry holds on a person, on their request (JSON); personal-data readers only; audited',
  request: { params: personParam },
  responses: {
    200: answer(
      'The person and their events',
      z
        .object({
          exportedAt: z.string(),
          exportedBy: z.string(),
          person: personSchema,
          events: z.array(eventSchema),
        })
        .openapi('TeacherExport'),
    ),
    ...errorResponses(401, 403, 404),
  },
})

const eventsList = createRoute({
  method: 'get',
  path: '/api/teachers/{id}/events',
  tags: TAGS,
  summary: "A person's events, newest first (diagnostics with deficits, ИОМ with steps, …); audited",
  request: { params: personParam },
  responses: {
    200: answer('The events', z.object({ items: z.array(eventSchema) }).openapi('PersonEventList')),
    ...errorResponses(401, 403, 404),
  },
})

const eventsCreate = createRoute({
  method: 'post',
  path: '/api/teachers/{id}/events',
  tags: TAGS,
  summary: 'Record an event of a person: a diagnostics with deficits, an ИОМ with its steps, a course, …',
  request: { params: personParam, body: json(newEvent) },
  responses: { 201: answer('The event', eventSchema), ...errorResponses(400, 401, 403, 404) },
})

const eventUpdate = createRoute({
  method: 'put',
  path: '/api/teachers/{id}/events/{eventId}',
  tags: TAGS,
  summary: 'Change an event (its kind stays); steps and deficits are replaced as given',
  request: { params: eventParams, body: json(eventChange) },
  responses: { 200: answer('The event', eventSchema), ...errorResponses(400, 401, 403, 404) },
})

const eventDelete = createRoute({
  method: 'delete',
  path: '/api/teachers/{id}/events/{eventId}',
  tags: TAGS,
  summary: 'Delete an event',
  request: { params: eventParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
})

const settingsGet = createRoute({
  method: 'get',
  path: '/api/registry/settings',
  tags: TAGS,
  summary: "A region's registry settings (defaults when never saved)",
  request: { query: z.object({ region: z.coerce.number().int().positive() }) },
  responses: { 200: answer('The settings', settingsSchema), ...errorResponses(400, 401, 403, 404) },
})

const settingsPut = createRoute({
  method: 'put',
  path: '/api/registry/settings',
  tags: TAGS,
  summary: "Change a region's registry settings (region admins); audited",
  request: {
    query: z.object({ region: z.coerce.number().int().positive() }),
    body: json(
      z
        .object({
          enabled: z.boolean().optional(),
          retentionMonths: z.number().int().min(1).max(1200).optional(),
          regionAdminRead: z.boolean().optional(),
        })
        .strict()
        .openapi('RegistrySettingsChange'),
    ),
  },
  responses: { 200: answer('The settings', settingsSchema), ...errorResponses(400, 401, 403, 404) },
})

const anonymise = createRoute({
  method: 'post',
  path: '/api/registry/anonymise',
  tags: TAGS,
  summary: 'Anonymise the people of a region who left more than the retention period ago (region admins)',
  request: { body: json(z.object({ region: z.number().int().positive() }).strict()) },
  responses: {
    200: answer(
      'How many were anonymised, and the leaving date before which they were',
      z.object({ anonymised: z.number().int(), before: z.string().openapi({ format: 'date' }) }),
    ),
    ...errorResponses(400, 401, 403, 404),
  },
})

async function uploadedBytes(value: unknown): Promise<Uint8Array> {
  const file = formFile(value)
  assertFileSize(file, REGISTRY_IMPORT_MAX_BYTES, 'Файл')
  return new Uint8Array(await file.arrayBuffer())
}

/** The teacher registry: people, their events, imports, settings and anonymisation. */
export function teacherRoutes({ db }: AppDeps) {
  return (
    new OpenAPIHono<AuthEnv>()
      .openapi(list, async (c) =>
        c.json(await listTeachers(db, c.var.scope, c.var.user.login, c.req.valid('query')), 200),
      )
      .openapi(create, async (c) => {
        const r = await createTeacher(db, c.var.scope, c.var.user.login, c.req.valid('json'))
        return r.created ? c.json(r.person, 201) : c.json(r.person, 200)
      })
      // Before /{id}: fixed segments first.
      .openapi(template, async (c) => {
        const unit = await getOrgUnit(db, c.req.valid('query').orgUnit)
        c.var.scope.assertCanRead(unit)
        const xlsx = await buildRegistryTemplate(
          unit.name,
          await optionTitles(db, 'subject'),
          await optionTitles(db, 'deficit_type'),
        )
        return c.body(new Uint8Array(xlsx), 200, {
          'content-type': XLSX_TYPE,
          'content-disposition': attachment(`Шаблон сотрудников ${unit.name}.xlsx`),
        }) as never
      })
      .openapi(importRoute, async (c) => {
        const form = c.req.valid('form')
        const unit = await getOrgUnit(db, form.orgUnit)
        // Refused before the file is read.
        if (!c.var.scope.canWrite(unit, 'data')) c.var.scope.assertCanWrite(unit, 'data')
        const bytes = await uploadedBytes(form.file)
        return c.json(await importStaff(db, c.var.scope, c.var.user.login, bytes, unit.id), 200)
      })
      .openapi(eventsImport, async (c) => {
        const form = c.req.valid('form')
        const region = await getOrgUnit(db, form.region)
        c.var.scope.assertCanWrite(region, 'data', 'region')
        if (region.level !== 1)
          throw new DomainError('invalid', 'invalid_request', `org unit ${region.id} is not a region`, [
            { path: 'region', message: 'a region-wide file is imported into a region' },
          ])
        const bytes = await uploadedBytes(form.file)
        return c.json(await importRegionEvents(db, c.var.scope, c.var.user.login, bytes, region.id), 200)
      })
      .openapi(getOne, async (c) =>
        c.json(await getTeacher(db, c.var.scope, c.var.user.login, c.req.valid('param').id), 200),
      )
      .openapi(update, async (c) =>
        c.json(
          await updateTeacher(db, c.var.scope, c.var.user.login, c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
      )
      .openapi(remove, async (c) => {
        await deleteTeacher(db, c.var.scope, c.var.user.login, c.req.valid('param').id)
        return c.body(null, 204)
      })
      .openapi(exportRoute, async (c) => {
        const id = c.req.valid('param').id
        const data = await exportTeacher(db, c.var.scope, c.var.user.login, id)
        c.header('content-disposition', attachment(`person-${id}.json`))
        return c.json(data, 200)
      })
      .openapi(eventsList, async (c) =>
        c.json({ items: await listEvents(db, c.var.scope, c.var.user.login, c.req.valid('param').id) }, 200),
      )
      .openapi(eventsCreate, async (c) =>
        c.json(await createEvent(db, c.var.scope, c.var.user.login, c.req.valid('param').id, c.req.valid('json')), 201),
      )
      .openapi(eventUpdate, async (c) => {
        const { id, eventId } = c.req.valid('param')
        return c.json(await updateEvent(db, c.var.scope, c.var.user.login, id, eventId, c.req.valid('json')), 200)
      })
      .openapi(eventDelete, async (c) => {
        const { id, eventId } = c.req.valid('param')
        await deleteEvent(db, c.var.scope, c.var.user.login, id, eventId)
        return c.body(null, 204)
      })
      .openapi(settingsGet, async (c) =>
        c.json(await readRegistrySettings(db, c.var.scope, c.req.valid('query').region), 200),
      )
      .openapi(settingsPut, async (c) =>
        c.json(
          await saveRegistrySettings(
            db,
            c.var.scope,
            c.var.user.login,
            c.req.valid('query').region,
            c.req.valid('json'),
          ),
          200,
        ),
      )
      .openapi(anonymise, async (c) =>
        c.json(await anonymiseLeavers(db, c.var.scope, c.var.user.login, c.req.valid('json').region), 200),
      )
  )
}
