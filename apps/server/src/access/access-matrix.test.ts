import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import { OPENAPI_INFO } from '../app.ts'
import { emptyDeficitsTemplate, uploadForm } from '../collection/xlsx/test-workbook.ts'
import { PNG_BYTES, insertDocument } from '../collection/evidence/test-documents.ts'
import { createFixtureTree, createSecondRegion } from '../testing/fixture-tree.ts'
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts'
import { createApiToken } from './api-tokens.ts'
import type { Role } from '@profmon/contract/rules'
import { createSession, SESSION_COOKIE } from './sessions.ts'
import { buildRegistryTemplate } from '../registry/workbook.ts'

/**
 * Every route of the OpenAPI document × every role (and no session) × a target org unit in the
 * caller's own subtree, in a sibling subtree and the parent of their unit. The expectations are
 * written out per route below; a route missing from the table fails the test with its name.
 */

type Who = Role | 'anonymous'
type Relation = 'own' | 'sibling' | 'parent'
/**
 * How a route picks its target: `unit` — the caller's unit, a sibling unit of the same level, the
 * parent; `school` — a school inside the own / a sibling subtree, or the parent; `region` — the
 * caller's region or the other region; `none` — the route is about the caller, not a unit.
 */
type Mode = 'unit' | 'school' | 'region' | 'none'
type UnitName = 'R1' | 'munA' | 'munB' | 'A1' | 'A2' | 'A3' | 'B1' | 'R2' | 'munC' | 'C1'

const RELATIONS: Relation[] = ['own', 'sibling', 'parent']
const ROLES: Role[] = ['platform_admin', 'region_admin', 'municipal_coordinator', 'school_operator', 'analyst']
const P = '2025-26'
const PREV = '2024-25'

/** The caller of each role and where the role is held (region 1: munA with A1–A3, munB with B1; region 2: munC with C1). */
const CALLERS: Record<Role, { login: string; unit: UnitName | null }> = {
  platform_admin: { login: 'platform', unit: null },
  region_admin: { login: 'region1', unit: 'R1' },
  municipal_coordinator: { login: 'coord-a', unit: 'munA' },
  school_operator: { login: 'oper-a1', unit: 'A1' },
  analyst: { login: 'analyst-a', unit: 'munA' },
}

type Targets = Record<Exclude<Mode, 'none'>, [UnitName | null, UnitName | null, UnitName | null]>
// own, sibling, parent; null = no such unit (a region has no parent).
const TARGETS: Record<Who, Targets> = {
  platform_admin: { unit: ['R1', 'R2', null], school: ['A1', 'C1', null], region: ['R1', 'R2', null] },
  region_admin: { unit: ['R1', 'R2', null], school: ['A1', 'C1', null], region: ['R1', 'R2', null] },
  municipal_coordinator: { unit: ['munA', 'munB', 'R1'], school: ['A1', 'B1', 'R1'], region: ['R1', 'R2', null] },
  school_operator: { unit: ['A1', 'A2', 'munA'], school: ['A1', 'A2', 'munA'], region: ['R1', 'R2', null] },
  analyst: { unit: ['munA', 'munB', 'R1'], school: ['A1', 'B1', 'R1'], region: ['R1', 'R2', null] },
  anonymous: { unit: ['A1', 'A2', 'munA'], school: ['A1', 'A2', 'munA'], region: ['R1', 'R2', null] },
}

interface Unit {
  id: number
  path: string
  level: number
}

interface Ctx {
  /** The user holding the level's role on a unit (`u-<id>`), a target of the users API. */
  userAt: (unit: Unit) => number
  login: (who: Who) => string
  /** A live token of the caller, to be revoked. */
  tokenOf: (who: Who) => Promise<number>
  seq: () => number
  /** Puts a unit's deficits submission of period P into a state, to set up a workflow move. */
  setState: (unit: Unit, state: 'draft' | 'submitted') => Promise<void>
  /** A deficits evidence document of period P in the unit, uploaded by the caller. */
  documentAt: (unit: Unit, who: Who) => Promise<number>
  /** A local indicator and data element owned by the unit (by its municipality for a school), made by the platform admin. */
  localAt: (unit: Unit) => Promise<{ indicator: string; element: string }>
  /** A deficits target on the unit in the period before P and none in P: something for a copy to write. */
  targetToCopy: (unit: Unit) => Promise<void>
  /**
   * A recommendation addressed to the unit in period P, owned by the level that writes for it (a
   * school's by its municipality, a municipality's or region's by itself).
   */
  recommendationAt: (unit: Unit, state: 'draft' | 'published') => Promise<number>
  /** The deficits conclusion of the unit for period P (made when missing), and its current version. */
  conclusionAt: (unit: Unit) => Promise<{ id: number; version: number }>
  /** A planned measure of the unit in period P (or another period). */
  measureAt: (unit: Unit, period?: string) => Promise<number>
  /** A registered decision of the unit in period P, with a PDF document. */
  decisionAt: (unit: Unit) => Promise<number>
  /** A PNG attached to a progress entry of a measure of the unit. */
  measureDocumentAt: (unit: Unit) => Promise<number>
  /** A finished (tiny, fake) report of the unit in period P, to read and download. */
  reportAt: (unit: Unit) => Promise<number>
  /** A person of the registry employed in the unit (written directly, whatever the unit's level). */
  personAt: (unit: Unit) => Promise<number>
  /** An event of a person employed in the unit, recorded by the unit. */
  eventAt: (unit: Unit) => Promise<{ person: number; event: number }>
}

interface RouteCase {
  mode: Mode
  /** Status of an allowed call. */
  ok: 200 | 201 | 202 | 204
  /** Open without a session (anonymous calls are then expected to succeed). */
  public?: true
  /** An allowed call writes to the audit log. */
  audited?: true
  /**
   * Per role: one character per relation (own, sibling, parent) — `1` allowed, `0` refused with
   * 403, `-` no such target; one character for mode `none`.
   */
  expect: Record<Role, string>
  request(target: Unit | undefined, who: Who, ctx: Ctx): Promise<{ path: string; body?: unknown }>
}

const READ = {
  platform_admin: '11-',
  region_admin: '10-',
  municipal_coordinator: '100',
  school_operator: '100',
  analyst: '100',
}
const EVERYONE = {
  platform_admin: '1',
  region_admin: '1',
  municipal_coordinator: '1',
  school_operator: '1',
  analyst: '1',
}
const IN_OWN_REGION = {
  platform_admin: '11-',
  region_admin: '10-',
  municipal_coordinator: '10-',
  school_operator: '10-',
  analyst: '10-',
}
/** Users: a region admin manages the region, a coordinator the school operators of the municipality. */
const MANAGE_USERS = {
  platform_admin: '11-',
  region_admin: '10-',
  municipal_coordinator: '100',
  school_operator: '000',
  analyst: '000',
}
/** Local indicators and data elements: a coordinator defines them for the municipality, a region admin for the region. */
const DEFINE_LOCAL = {
  platform_admin: '11-',
  region_admin: '10-',
  municipal_coordinator: '100',
  school_operator: '000',
  analyst: '000',
}
const LOCAL_SHARE = { numerator: '#{deficits.diagnosed}', denominator: '#{core.teachers_total}' }
/** Approving a school: the coordinator of its municipality and the region above; nobody approves a region but a platform admin. */
const APPROVE = {
  platform_admin: '11-',
  region_admin: '10-',
  municipal_coordinator: '100',
  school_operator: '000',
  analyst: '000',
}
/** Recommendations and conclusions: written by a coordinator in the municipality, a region admin in the region. */
const WRITE_RECOMMENDATIONS = {
  platform_admin: '11-',
  region_admin: '10-',
  municipal_coordinator: '100',
  school_operator: '000',
  analyst: '000',
}
/** Measures: planned by a coordinator in the municipality, a region admin in the region. */
const WRITE_MEASURES = WRITE_RECOMMENDATIONS
/** Management decisions: registered by the same people. */
const WRITE_DECISIONS = WRITE_RECOMMENDATIONS
/** The smallest PDF the file-type check recognises. */
/**
 * Keeping staff records (personal data): the organisation's operators and its municipal coordinator;
 * region and platform admins only where the region grants its admins personal data (region 1 does,
 * region 2 does not); analysts never.
 */
const KEEP_STAFF = {
  platform_admin: '10-',
  region_admin: '10-',
  municipal_coordinator: '100',
  school_operator: '100',
  analyst: '000',
}
/** Region-level registry administration: settings, anonymisation, a region-wide events file. */
const REGION_REGISTRY = {
  platform_admin: '11-',
  region_admin: '10-',
  municipal_coordinator: '00-',
  school_operator: '00-',
  analyst: '00-',
}
/** The registry's template without rows: an import of it writes nothing but its audit entry. */
const emptyRegistryTemplate = async () => new Uint8Array(await buildRegistryTemplate('Матрица', [], []))
const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')
const CONCLUSION_BODY = { blocks: [{ type: 'paragraph', runs: [{ text: 'Вывод' }] }] }
const roleFor = (level: number): Role =>
  level === 1 ? 'region_admin' : level === 2 ? 'municipal_coordinator' : 'school_operator'

const ROUTES: Record<string, RouteCase> = {
  'GET /api/health': {
    mode: 'none',
    ok: 200,
    public: true,
    expect: EVERYONE,
    request: async () => ({ path: '/api/health' }),
  },
  'POST /api/auth/login': {
    mode: 'none',
    ok: 200,
    public: true,
    expect: EVERYONE,
    request: async (_u, who, ctx) => ({
      path: '/api/auth/login',
      body: { login: ctx.login(who === 'anonymous' ? 'school_operator' : who), password: TEST_PASSWORD },
    }),
  },
  'POST /api/auth/logout': {
    mode: 'none',
    ok: 204,
    expect: EVERYONE,
    request: async () => ({ path: '/api/auth/logout' }),
  },
  'GET /api/auth/me': { mode: 'none', ok: 200, expect: EVERYONE, request: async () => ({ path: '/api/auth/me' }) },
  'POST /api/auth/password': {
    mode: 'none',
    ok: 204,
    expect: EVERYONE,
    request: async () => ({
      path: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  'GET /api/org-units': { mode: 'none', ok: 200, expect: EVERYONE, request: async () => ({ path: '/api/org-units' }) },
  // "Школа" matches schools of every region: only the caller's may come back (the leak check).
  'GET /api/org-units/search': {
    mode: 'none',
    ok: 200,
    expect: EVERYONE,
    request: async () => ({ path: `/api/org-units/search?q=${encodeURIComponent('Школа')}` }),
  },
  'GET /api/org-units/{id}': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/org-units/${u!.id}` }),
  },
  'GET /api/org-units/{id}/children': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/org-units/${u!.id}/children` }),
  },
  'GET /api/periods': { mode: 'none', ok: 200, expect: EVERYONE, request: async () => ({ path: '/api/periods' }) },
  'GET /api/definitions': {
    mode: 'none',
    ok: 200,
    expect: EVERYONE,
    request: async () => ({ path: '/api/definitions' }),
  },
  'GET /api/plugins': {
    mode: 'region',
    ok: 200,
    expect: IN_OWN_REGION,
    request: async (u) => ({ path: `/api/plugins?region=${u!.id}` }),
  },
  'GET /api/plugins/installed': {
    mode: 'region',
    ok: 200,
    expect: IN_OWN_REGION,
    request: async (u) => ({ path: `/api/plugins/installed?region=${u!.id}` }),
  },
  'PUT /api/regions/{id}/plugins/{plugin}': {
    mode: 'region',
    ok: 200,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '00-',
      school_operator: '00-',
      analyst: '00-',
    },
    request: async (u) => ({ path: `/api/regions/${u!.id}/plugins/deficits`, body: { enabled: true } }),
  },
  'GET /api/data-values': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/data-values?orgUnit=${u!.id}&period=${P}` }),
  },
  'POST /api/data-values': {
    mode: 'school',
    ok: 200,
    // Analysts never write; everyone else only inside their own subtree.
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '100',
      analyst: '000',
    },
    request: async (u, _who, ctx) => ({
      path: '/api/data-values',
      body: {
        values: [
          u!.level === 2
            ? { orgUnit: u!.id, period: P, element: 'deficits.analysis_done', value: true }
            : { orgUnit: u!.id, period: P, element: 'core.teachers_total', value: 10 + ctx.seq() },
        ],
      },
    }),
  },
  'GET /api/analytics': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/analytics?orgUnit=${u!.id}&period=${P}&level=children` }),
  },
  'GET /api/targets': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/targets?orgUnit=${u!.id}` }),
  },
  'GET /api/targets/effective': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/targets/effective?orgUnit=${u!.id}&period=${P}` }),
  },
  // A coordinator sets the municipality's target no laxer than the region's: the region's stay ≤ 39, the others ≥ 60.
  'PUT /api/targets': {
    mode: 'unit',
    ok: 200,
    audited: true,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '000',
      analyst: '000',
    },
    request: async (u, _who, ctx) => ({
      path: '/api/targets',
      body: {
        indicator: 'deficits.diagnosed_share',
        period: P,
        orgUnit: u!.id,
        value: u!.level === 1 ? 20 + (ctx.seq() % 20) : 60 + (ctx.seq() % 40),
      },
    }),
  },
  // A target of the year before to copy, and none yet in P, so an allowed copy writes (and audits) one.
  'POST /api/targets/copy': {
    mode: 'unit',
    ok: 200,
    audited: true,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '000',
      analyst: '000',
    },
    request: async (u, _who, ctx) => {
      await ctx.targetToCopy(u!)
      return { path: '/api/targets/copy', body: { orgUnit: u!.id, from: PREV, to: P } }
    },
  },
  'GET /api/analysis': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/analysis?orgUnit=${u!.id}&period=${P}&indicator=deficits.diagnosed_share` }),
  },
  'GET /api/analysis/trend': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/analysis/trend?orgUnit=${u!.id}&indicator=deficits.diagnosed_share` }),
  },
  'GET /api/analysis/export': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({
      path: `/api/analysis/export?orgUnit=${u!.id}&period=${P}&indicator=deficits.diagnosed_share`,
    }),
  },
  'GET /api/data-quality': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/data-quality?orgUnit=${u!.id}&period=${P}` }),
  },
  'GET /api/data-quality/export': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/data-quality/export?orgUnit=${u!.id}&period=${P}` }),
  },
  'GET /api/audit': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/audit?orgUnit=${u!.id}` }),
  },
  'GET /api/imports/template': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/imports/template?orgUnit=${u!.id}&period=${P}&plugin=deficits` }),
  },
  // A template without rows: what a row of a foreign unit gets is an error list (imports.test.ts).
  'POST /api/imports': {
    mode: 'none',
    ok: 200,
    expect: { ...EVERYONE, analyst: '0' },
    request: async () => ({
      path: '/api/imports',
      body: uploadForm(await emptyDeficitsTemplate(), 'empty.xlsx', { period: P, plugin: 'deficits' }),
    }),
  },
  'GET /api/evidence': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/evidence?orgUnit=${u!.id}&period=${P}` }),
  },
  'POST /api/evidence': {
    mode: 'unit',
    ok: 201,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '100',
      analyst: '000',
    },
    request: async (u) => ({
      path: '/api/evidence',
      body: uploadForm(PNG_BYTES, 'report.png', {
        orgUnit: u!.id,
        period: P,
        indicator: 'deficits.analysis_presence',
        document: 'deficits.analysis_report',
      }),
    }),
  },
  'GET /api/evidence/{id}/content': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, who, ctx) => ({ path: `/api/evidence/${await ctx.documentAt(u!, who)}/content` }),
  },
  // The caller's own upload: deleting someone else's is for the approving level (evidence.test.ts).
  'DELETE /api/evidence/{id}': {
    mode: 'unit',
    ok: 204,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '100',
      analyst: '000',
    },
    request: async (u, who, ctx) => ({ path: `/api/evidence/${await ctx.documentAt(u!, who)}` }),
  },
  'GET /api/exports/values': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/exports/values?orgUnit=${u!.id}&period=${P}&plugin=deficits` }),
  },
  'GET /api/exports/analytics': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/exports/analytics?orgUnit=${u!.id}&period=${P}&level=children` }),
  },
  'GET /api/tokens': { mode: 'none', ok: 200, expect: EVERYONE, request: async () => ({ path: '/api/tokens' }) },
  'POST /api/tokens': {
    mode: 'none',
    ok: 201,
    expect: EVERYONE,
    request: async () => ({ path: '/api/tokens', body: { name: 'matrix' } }),
  },
  'DELETE /api/tokens/{id}': {
    mode: 'none',
    ok: 204,
    expect: EVERYONE,
    request: async (_u, who, ctx) => ({ path: `/api/tokens/${await ctx.tokenOf(who)}` }),
  },
  'GET /api/users': {
    mode: 'unit',
    ok: 200,
    expect: MANAGE_USERS,
    request: async (u) => ({ path: `/api/users?orgUnit=${u!.id}` }),
  },
  'POST /api/users': {
    mode: 'school',
    ok: 201,
    expect: MANAGE_USERS,
    request: async (u, _who, ctx) => ({
      path: '/api/users',
      body: {
        login: `new-${ctx.seq()}`,
        name: 'Новый пользователь',
        roles: [{ role: roleFor(u!.level), orgUnit: u!.id }],
      },
    }),
  },
  'GET /api/users/{id}': {
    mode: 'school',
    ok: 200,
    expect: MANAGE_USERS,
    request: async (u, _who, ctx) => ({ path: `/api/users/${ctx.userAt(u!)}` }),
  },
  'PATCH /api/users/{id}': {
    mode: 'school',
    ok: 200,
    expect: MANAGE_USERS,
    request: async (u, _who, ctx) => ({ path: `/api/users/${ctx.userAt(u!)}`, body: { name: `Имя ${ctx.seq()}` } }),
  },
  'PUT /api/users/{id}/roles': {
    mode: 'school',
    ok: 200,
    expect: MANAGE_USERS,
    request: async (u, _who, ctx) => ({
      path: `/api/users/${ctx.userAt(u!)}/roles`,
      body: { roles: [{ role: roleFor(u!.level), orgUnit: u!.id }] },
    }),
  },
  'GET /api/data-elements': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/data-elements?orgUnit=${u!.id}` }),
  },
  'GET /api/local-indicators': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/local-indicators?orgUnit=${u!.id}` }),
  },
  // Local indicators are defined by a coordinator in the municipality and a region admin in the region.
  'POST /api/local-indicators': {
    mode: 'unit',
    ok: 201,
    expect: DEFINE_LOCAL,
    request: async (u, _who, ctx) => ({
      path: '/api/local-indicators',
      body: { orgUnit: u!.id, title: `Показатель ${ctx.seq()}`, kind: 'share', ...LOCAL_SHARE },
    }),
  },
  'POST /api/local-indicators/preview': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({
      path: '/api/local-indicators/preview',
      body: { orgUnit: u!.id, period: P, kind: 'share', ...LOCAL_SHARE },
    }),
  },
  'PUT /api/local-indicators/{code}': {
    mode: 'unit',
    ok: 200,
    expect: DEFINE_LOCAL,
    request: async (u, _who, ctx) => ({
      path: `/api/local-indicators/${(await ctx.localAt(u!)).indicator}`,
      body: { title: `Показатель ${ctx.seq()}`, kind: 'share', ...LOCAL_SHARE },
    }),
  },
  'DELETE /api/local-indicators/{code}': {
    mode: 'unit',
    ok: 200,
    expect: DEFINE_LOCAL,
    request: async (u, _who, ctx) => ({ path: `/api/local-indicators/${(await ctx.localAt(u!)).indicator}` }),
  },
  'POST /api/local-data-elements': {
    mode: 'unit',
    ok: 201,
    expect: DEFINE_LOCAL,
    request: async (u, _who, ctx) => ({
      path: '/api/local-data-elements',
      body: { orgUnit: u!.id, title: `Элемент ${ctx.seq()}`, valueType: 'integer' },
    }),
  },
  'PUT /api/local-data-elements/{code}': {
    mode: 'unit',
    ok: 200,
    expect: DEFINE_LOCAL,
    request: async (u, _who, ctx) => ({
      path: `/api/local-data-elements/${(await ctx.localAt(u!)).element}`,
      body: { max: 1000 + ctx.seq() },
    }),
  },
  'DELETE /api/local-data-elements/{code}': {
    mode: 'unit',
    ok: 200,
    expect: DEFINE_LOCAL,
    request: async (u, _who, ctx) => ({ path: `/api/local-data-elements/${(await ctx.localAt(u!)).element}` }),
  },
  'GET /api/campaigns': {
    mode: 'region',
    ok: 200,
    expect: IN_OWN_REGION,
    request: async (u) => ({ path: `/api/campaigns?region=${u!.id}&period=${P}` }),
  },
  'GET /api/campaigns/{region}/{period}/element-sources': {
    mode: 'region',
    ok: 200,
    expect: IN_OWN_REGION,
    request: async (u) => ({ path: `/api/campaigns/${u!.id}/${P}/element-sources` }),
  },
  'PUT /api/campaigns/{region}/{period}/element-sources': {
    mode: 'region',
    ok: 200,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '00-',
      school_operator: '00-',
      analyst: '00-',
    },
    request: async (u) => ({
      path: `/api/campaigns/${u!.id}/${P}/element-sources`,
      body: { sources: { 'core.teachers_total': 'entered' } },
    }),
  },
  // Deadlines far ahead: a later case writing data must not meet a closed campaign.
  'PUT /api/campaigns': {
    mode: 'region',
    ok: 200,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '00-',
      school_operator: '00-',
      analyst: '00-',
    },
    request: async (u) => ({
      path: `/api/campaigns?region=${u!.id}&period=${P}`,
      body: {
        monitoringDue: '2999-01-20',
        analysisDue: '2999-03-30',
        measuresDue: '2999-12-31',
        effectivenessDue: '3000-08-31',
      },
    }),
  },
  'GET /api/submissions': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/submissions?orgUnit=${u!.id}&period=${P}&plugin=deficits` }),
  },
  // Whoever enters the unit's data submits it.
  'POST /api/submissions/{orgUnit}/{period}/{plugin}/submit': {
    mode: 'school',
    ok: 200,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '100',
      analyst: '000',
    },
    request: async (u, _who, ctx) => {
      await ctx.setState(u!, 'draft')
      return { path: `/api/submissions/${u!.id}/${P}/deficits/submit`, body: {} }
    },
  },
  // Only the level above approves or returns: a school never its own, a coordinator not the region.
  'POST /api/submissions/{orgUnit}/{period}/{plugin}/approve': {
    mode: 'school',
    ok: 200,
    expect: APPROVE,
    request: async (u, _who, ctx) => {
      await ctx.setState(u!, 'submitted')
      return { path: `/api/submissions/${u!.id}/${P}/deficits/approve`, body: {} }
    },
  },
  'POST /api/submissions/{orgUnit}/{period}/{plugin}/return': {
    mode: 'school',
    ok: 200,
    expect: APPROVE,
    request: async (u, _who, ctx) => {
      await ctx.setState(u!, 'submitted')
      return { path: `/api/submissions/${u!.id}/${P}/deficits/return`, body: { comment: 'Проверьте итог' } }
    },
  },
  'POST /api/recommendations/generate': {
    mode: 'unit',
    ok: 200,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u) => ({ path: '/api/recommendations/generate', body: { orgUnit: u!.id, period: P } }),
  },
  'GET /api/recommendations': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/recommendations?orgUnit=${u!.id}&period=${P}&includeDescendants=true` }),
  },
  'GET /api/recommendations/export': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({
      path: `/api/recommendations/export?orgUnit=${u!.id}&period=${P}&includeDescendants=true`,
    }),
  },
  'POST /api/recommendations': {
    mode: 'school',
    ok: 201,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u, _who, ctx) => ({
      path: '/api/recommendations',
      body: { period: P, addressee: 'teachers', orgUnits: [u!.id], text: `Рекомендация ${ctx.seq()}` },
    }),
  },
  // A draft of the school's municipality: the region above and the municipality manage it, nobody beside.
  'PUT /api/recommendations/{id}': {
    mode: 'school',
    ok: 200,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u, _who, ctx) => ({
      path: `/api/recommendations/${await ctx.recommendationAt(u!, 'draft')}`,
      body: { text: `Исправлено ${ctx.seq()}` },
    }),
  },
  'POST /api/recommendations/{id}/publish': {
    mode: 'school',
    ok: 200,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u, _who, ctx) => ({
      path: `/api/recommendations/${await ctx.recommendationAt(u!, 'draft')}/publish`,
    }),
  },
  'POST /api/recommendations/bulk-publish': {
    mode: 'school',
    ok: 200,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u, _who, ctx) => ({
      path: '/api/recommendations/bulk-publish',
      body: { ids: [await ctx.recommendationAt(u!, 'draft')] },
    }),
  },
  'POST /api/recommendations/{id}/withdraw': {
    mode: 'school',
    ok: 200,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u, _who, ctx) => ({
      path: `/api/recommendations/${await ctx.recommendationAt(u!, 'draft')}/withdraw`,
      body: { reason: 'Отозвано' },
    }),
  },
  // Only someone entering data of the addressed unit itself acknowledges: not the level above, not an analyst.
  'POST /api/recommendations/{id}/acknowledge': {
    mode: 'unit',
    ok: 200,
    expect: {
      platform_admin: '00-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '100',
      analyst: '000',
    },
    request: async (u, _who, ctx) => ({
      path: `/api/recommendations/${await ctx.recommendationAt(u!, 'published')}/acknowledge`,
    }),
  },
  'GET /api/conclusions': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/conclusions?orgUnit=${u!.id}&period=${P}` }),
  },
  'GET /api/conclusions/{id}': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/conclusions/${(await ctx.conclusionAt(u!)).id}` }),
  },
  'PUT /api/conclusions': {
    mode: 'unit',
    ok: 200,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u, _who, ctx) => ({
      path: '/api/conclusions',
      body: {
        orgUnit: u!.id,
        period: P,
        plugin: 'deficits',
        body: CONCLUSION_BODY,
        version: (await ctx.conclusionAt(u!)).version,
      },
    }),
  },
  'POST /api/conclusions/{id}/publish': {
    mode: 'unit',
    ok: 200,
    expect: WRITE_RECOMMENDATIONS,
    request: async (u, _who, ctx) => ({ path: `/api/conclusions/${(await ctx.conclusionAt(u!)).id}/publish` }),
  },
  'GET /api/measure-templates': {
    mode: 'none',
    ok: 200,
    expect: EVERYONE,
    request: async () => ({ path: '/api/measure-templates' }),
  },
  'GET /api/measures': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/measures?orgUnit=${u!.id}&period=${P}` }),
  },
  'POST /api/measures': {
    mode: 'unit',
    ok: 201,
    audited: true,
    expect: WRITE_MEASURES,
    request: async (u, _who, ctx) => ({
      path: '/api/measures',
      body: { orgUnit: u!.id, period: P, title: `Мера ${ctx.seq()}`, startsOn: '2025-10-01', dueOn: '2025-12-31' },
    }),
  },
  'POST /api/measures/from-template': {
    mode: 'unit',
    ok: 200,
    expect: WRITE_MEASURES,
    request: async (u) => ({
      path: '/api/measures/from-template',
      body: { orgUnit: u!.id, period: P, template: 'seed-004' },
    }),
  },
  'GET /api/measures/{id}': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/measures/${await ctx.measureAt(u!)}` }),
  },
  'PUT /api/measures/{id}': {
    mode: 'unit',
    ok: 200,
    audited: true,
    expect: WRITE_MEASURES,
    request: async (u, _who, ctx) => ({
      path: `/api/measures/${await ctx.measureAt(u!)}`,
      body: { title: `Исправлено ${ctx.seq()}`, status: 'in_progress' },
    }),
  },
  'DELETE /api/measures/{id}': {
    mode: 'unit',
    ok: 204,
    audited: true,
    expect: WRITE_MEASURES,
    request: async (u, _who, ctx) => ({ path: `/api/measures/${await ctx.measureAt(u!)}` }),
  },
  // Also whoever enters data of the measure's own unit (a school's operator), never an analyst.
  'POST /api/measures/{id}/progress': {
    mode: 'unit',
    ok: 201,
    audited: true,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '100',
      analyst: '000',
    },
    request: async (u, _who, ctx) => ({
      path: `/api/measures/${await ctx.measureAt(u!)}/progress`,
      body: { date: '2025-11-01', text: `Сделано ${ctx.seq()}` },
    }),
  },
  'GET /api/measure-documents/{id}/content': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/measure-documents/${await ctx.measureDocumentAt(u!)}/content` }),
  },
  // Only a region's measure goes down, by whoever plans measures in the region.
  'POST /api/measures/{id}/push-down': {
    mode: 'region',
    ok: 200,
    audited: true,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '00-',
      school_operator: '00-',
      analyst: '00-',
    },
    request: async (u, _who, ctx) => ({ path: `/api/measures/${await ctx.measureAt(u!)}/push-down` }),
  },
  'GET /api/measures/{id}/progress': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/measures/${await ctx.measureAt(u!)}/progress` }),
  },
  // A measure of the period before P goes on into P as a proposal.
  'POST /api/measures/{id}/carry': {
    mode: 'unit',
    ok: 201,
    audited: true,
    expect: WRITE_MEASURES,
    request: async (u, _who, ctx) => ({ path: `/api/measures/${await ctx.measureAt(u!, PREV)}/carry` }),
  },
  'GET /api/decisions': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/decisions?orgUnit=${u!.id}&period=${P}` }),
  },
  'POST /api/decisions': {
    mode: 'unit',
    ok: 201,
    audited: true,
    expect: WRITE_DECISIONS,
    request: async (u, _who, ctx) => ({
      path: '/api/decisions',
      body: {
        orgUnit: u!.id,
        period: P,
        kind: 'order',
        number: `${ctx.seq()}-од`,
        date: '2025-10-01',
        title: 'О мерах',
        issuer: 'Управление образования',
      },
    }),
  },
  'GET /api/decisions/{id}': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/decisions/${await ctx.decisionAt(u!)}` }),
  },
  'PUT /api/decisions/{id}': {
    mode: 'unit',
    ok: 200,
    audited: true,
    expect: WRITE_DECISIONS,
    request: async (u, _who, ctx) => ({
      path: `/api/decisions/${await ctx.decisionAt(u!)}`,
      body: { title: `Исправлено ${ctx.seq()}` },
    }),
  },
  'DELETE /api/decisions/{id}': {
    mode: 'unit',
    ok: 204,
    audited: true,
    expect: WRITE_DECISIONS,
    request: async (u, _who, ctx) => ({ path: `/api/decisions/${await ctx.decisionAt(u!)}` }),
  },
  'GET /api/decisions/{id}/document': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/decisions/${await ctx.decisionAt(u!)}/document` }),
  },
  'GET /api/effectiveness': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/effectiveness?orgUnit=${u!.id}&period=${PREV}` }),
  },
  // The responsible person: whoever plans measures on the unit or enters its own data, never an analyst.
  'PUT /api/effectiveness/{id}/comment': {
    mode: 'unit',
    ok: 200,
    audited: true,
    expect: {
      platform_admin: '11-',
      region_admin: '10-',
      municipal_coordinator: '100',
      school_operator: '100',
      analyst: '000',
    },
    request: async (u, _who, ctx) => ({
      path: `/api/effectiveness/${await ctx.measureAt(u!, PREV)}/comment`,
      body: { text: `Комментарий ${ctx.seq()}` },
    }),
  },
  'GET /api/cycle': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/cycle?orgUnit=${u!.id}&period=${P}` }),
  },
  // Reports: whoever reads the unit orders, lists, reads and downloads its reports.
  'POST /api/reports': {
    mode: 'unit',
    ok: 202,
    audited: true,
    expect: READ,
    request: async (u) => ({ path: '/api/reports', body: { orgUnit: u!.id, period: P, format: 'pdf' } }),
  },
  'GET /api/reports': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/reports?orgUnit=${u!.id}&period=${P}` }),
  },
  'GET /api/reports/{id}': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/reports/${await ctx.reportAt(u!)}` }),
  },
  'GET /api/reports/{id}/file': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/reports/${await ctx.reportAt(u!)}/file` }),
  },
  'GET /api/attention': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/attention?orgUnit=${u!.id}&period=${P}` }),
  },
  'GET /api/teachers': {
    mode: 'unit',
    ok: 200,
    audited: true,
    expect: READ,
    request: async (u) => ({ path: `/api/teachers?orgUnit=${u!.id}` }),
  },
  // A school's own people: a person employed in a unit that is no organisation is refused first (403), not 400.
  'POST /api/teachers': {
    mode: 'school',
    ok: 201,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u, _who, ctx) => ({
      path: '/api/teachers',
      body: {
        surname: `Матрица${ctx.seq()}`,
        name: 'Тест',
        birthDate: '1990-01-01',
        employments: [{ orgUnit: u!.id, position: 'teacher', startsOn: '2020-09-01' }],
      },
    }),
  },
  'GET /api/teachers/template': {
    mode: 'unit',
    ok: 200,
    expect: READ,
    request: async (u) => ({ path: `/api/teachers/template?orgUnit=${u!.id}` }),
  },
  'POST /api/teachers/import': {
    mode: 'school',
    ok: 200,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u) => ({
      path: '/api/teachers/import',
      body: uploadForm(await emptyRegistryTemplate(), 'staff.xlsx', { orgUnit: u!.id }),
    }),
  },
  'POST /api/teachers/events/import': {
    mode: 'region',
    ok: 200,
    audited: true,
    expect: REGION_REGISTRY,
    request: async (u) => ({
      path: '/api/teachers/events/import',
      body: uploadForm(await emptyRegistryTemplate(), 'events.xlsx', { region: u!.id }),
    }),
  },
  // People are read where they work: an analyst reads the records without personal fields.
  'GET /api/teachers/{id}': {
    mode: 'school',
    ok: 200,
    audited: true,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/teachers/${await ctx.personAt(u!)}` }),
  },
  'PUT /api/teachers/{id}': {
    mode: 'school',
    ok: 200,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u, _who, ctx) => ({
      path: `/api/teachers/${await ctx.personAt(u!)}`,
      body: { version: 1, category: 'first' },
    }),
  },
  'DELETE /api/teachers/{id}': {
    mode: 'school',
    ok: 204,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u, _who, ctx) => ({ path: `/api/teachers/${await ctx.personAt(u!)}` }),
  },
  'GET /api/teachers/{id}/export': {
    mode: 'school',
    ok: 200,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u, _who, ctx) => ({ path: `/api/teachers/${await ctx.personAt(u!)}/export` }),
  },
  'GET /api/teachers/{id}/events': {
    mode: 'school',
    ok: 200,
    audited: true,
    expect: READ,
    request: async (u, _who, ctx) => ({ path: `/api/teachers/${(await ctx.eventAt(u!)).person}/events` }),
  },
  'POST /api/teachers/{id}/events': {
    mode: 'school',
    ok: 201,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u, _who, ctx) => ({
      path: `/api/teachers/${await ctx.personAt(u!)}/events`,
      body: { kind: 'attestation', occurredOn: '2025-05-01', details: { category: 'first' } },
    }),
  },
  'PUT /api/teachers/{id}/events/{eventId}': {
    mode: 'school',
    ok: 200,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u, _who, ctx) => {
      const { person, event } = await ctx.eventAt(u!)
      return {
        path: `/api/teachers/${person}/events/${event}`,
        body: { occurredOn: '2025-10-01', deficits: ['digital'] },
      }
    },
  },
  'DELETE /api/teachers/{id}/events/{eventId}': {
    mode: 'school',
    ok: 204,
    audited: true,
    expect: KEEP_STAFF,
    request: async (u, _who, ctx) => {
      const { person, event } = await ctx.eventAt(u!)
      return { path: `/api/teachers/${person}/events/${event}` }
    },
  },
  'GET /api/registry/settings': {
    mode: 'region',
    ok: 200,
    expect: IN_OWN_REGION,
    request: async (u) => ({ path: `/api/registry/settings?region=${u!.id}` }),
  },
  'PUT /api/registry/settings': {
    mode: 'region',
    ok: 200,
    audited: true,
    expect: REGION_REGISTRY,
    request: async (u, _who, ctx) => ({
      path: `/api/registry/settings?region=${u!.id}`,
      body: { retentionMonths: 24 + (ctx.seq() % 24) },
    }),
  },
  'POST /api/registry/anonymise': {
    mode: 'region',
    ok: 200,
    audited: true,
    expect: REGION_REGISTRY,
    request: async (u) => ({ path: '/api/registry/anonymise', body: { region: u!.id } }),
  },
}

/** Every org unit mentioned in a response: `orgUnit` fields and objects shaped like org units. */
function unitsIn(body: unknown, found: Set<number> = new Set()): Set<number> {
  if (Array.isArray(body)) for (const item of body) unitsIn(item, found)
  else if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>
    if (typeof o.id === 'number' && typeof o.path === 'string' && /^(\/\d+)+\/$/.test(o.path)) found.add(o.id)
    for (const [key, value] of Object.entries(o)) {
      if (key === 'orgUnit' && typeof value === 'number') found.add(value)
      else unitsIn(value, found)
    }
  }
  return found
}

describe(`access matrix on ${testEngine}`, () => {
  let t: TestApp
  const units = new Map<UnitName, Unit>()
  const unitsById = new Map<number, Unit>()
  const usersAt = new Map<number, number>()

  beforeAll(async () => {
    t = await createTestApp()
    const tree = await createFixtureTree(t.deps.db)
    const other = await createSecondRegion(t.deps.db)
    const ids: Record<UnitName, number> = {
      R1: tree.region,
      munA: tree.munA,
      munB: tree.munB,
      A1: tree.schoolA1,
      A2: tree.schoolA2,
      A3: tree.schoolA3,
      B1: tree.schoolB1,
      R2: other.region2,
      munC: other.munC,
      C1: other.schoolC1,
    }
    const rows = await t.deps.db.selectFrom('org_unit').select(['id', 'path', 'level']).execute()
    for (const r of rows) unitsById.set(r.id, r)
    for (const [name, id] of Object.entries(ids)) units.set(name as UnitName, unitsById.get(id)!)
    for (const { login, unit } of Object.values(CALLERS))
      await t.createUser(login, [
        { role: ROLES.find((r) => CALLERS[r].login === login)!, orgUnit: unit ? ids[unit] : null },
      ])
    for (const u of rows)
      usersAt.set(u.id, await t.createUser(`u-${u.id}`, [{ role: roleFor(u.level), orgUnit: u.id }]))
    // Region 1 grants its admins personal data of its people; region 2 keeps the default (no).
    await t.deps.db.insertInto('registry_setting').values({ region_id: ids.R1, region_admin_read: true }).execute()
  })
  afterAll(() => t.close())

  it('has an expectation for every route of the OpenAPI document, and no stale ones', () => {
    const doc = t.app.getOpenAPI31Document(OPENAPI_INFO)
    const routes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    expect(
      routes.filter((r) => !(r in ROUTES)),
      'routes without an access expectation',
    ).toEqual([])
    expect(
      Object.keys(ROUTES).filter((r) => !routes.includes(r)),
      'expectations of routes that are gone',
    ).toEqual([])
  })

  it('allows and refuses exactly as the table says, leaks no foreign unit and writes nothing when refusing', async () => {
    const db = t.deps.db
    let n = 0
    const ctx: Ctx = {
      userAt: (unit) => usersAt.get(unit.id)!,
      login: (who) => CALLERS[who as Role].login,
      async tokenOf(who) {
        const login = CALLERS[who === 'anonymous' ? 'school_operator' : who].login
        const user = await db.selectFrom('app_user').select('id').where('login', '=', login).executeTakeFirstOrThrow()
        return (await createApiToken(db, user.id, 'to revoke')).id
      },
      seq: () => ++n,
      documentAt: (unit, who) =>
        insertDocument(db, {
          orgUnit: unit.id,
          period: P,
          uploadedBy: who === 'anonymous' ? 'nobody' : CALLERS[who].login,
        }),
      async localAt(unit) {
        const owner = unit.level === 3 ? Number(unit.path.split('/').filter(Boolean).at(-2)) : unit.id
        const admin = t.as(CALLERS.platform_admin.login)
        const i = await admin.call<{ code: string }>('POST', '/api/local-indicators', {
          orgUnit: owner,
          title: `Показатель ${++n}`,
          kind: 'count',
          formula: '#{deficits.diagnosed}',
        })
        const e = await admin.call<{ code: string }>('POST', '/api/local-data-elements', {
          orgUnit: owner,
          title: `Элемент ${++n}`,
          valueType: 'integer',
        })
        return { indicator: i.body.code, element: e.body.code }
      },
      async targetToCopy(unit) {
        const periods = await db.selectFrom('period').select(['id', 'code']).where('code', 'in', [P, PREV]).execute()
        const id = (code: string) => periods.find((p) => p.code === code)!.id
        const key = { indicator_code: 'deficits.diagnosed_share', org_unit_id: unit.id }
        await db
          .deleteFrom('target')
          .where('indicator_code', '=', key.indicator_code)
          .where('org_unit_id', '=', unit.id)
          .where('period_id', '=', id(P))
          .execute()
        await db
          .insertInto('target')
          .values({ ...key, period_id: id(PREV), value: unit.level === 1 ? 25 : 80 })
          .onConflict((oc) => oc.columns(['indicator_code', 'period_id', 'org_unit_id']).doNothing())
          .execute()
      },
      async recommendationAt(unit, state) {
        const period = await db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
        const owner = unit.level === 3 ? Number(unit.path.split('/').filter(Boolean).at(-2)) : unit.id
        const row = await db
          .insertInto('recommendation')
          .values({
            period_id: period.id,
            org_unit_id: unit.id,
            owner_org_unit_id: owner,
            source: 'authored',
            addressee: 'school_leadership',
            text: `Рекомендация ${++n}`,
            state,
            created_by: 'matrix',
            ...(state === 'published' ? { published_by: 'matrix', published_at: new Date() } : {}),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async conclusionAt(unit) {
        const period = await db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
        const key = { org_unit_id: unit.id, period_id: period.id, plugin_id: 'deficits' }
        await db
          .insertInto('conclusion')
          .values({ ...key, body: JSON.stringify(CONCLUSION_BODY), updated_by: 'matrix' })
          .onConflict((oc) => oc.columns(['org_unit_id', 'period_id', 'plugin_id']).doNothing())
          .execute()
        return db
          .selectFrom('conclusion')
          .select(['id', 'version'])
          .where('org_unit_id', '=', unit.id)
          .where('period_id', '=', period.id)
          .where('plugin_id', '=', 'deficits')
          .executeTakeFirstOrThrow()
      },
      async measureAt(unit, code = P) {
        const period = await db.selectFrom('period').select('id').where('code', '=', code).executeTakeFirstOrThrow()
        const row = await db
          .insertInto('measure')
          .values({
            org_unit_id: unit.id,
            period_id: period.id,
            title: `Мера ${++n}`,
            starts_on: '2025-09-01',
            due_on: '2025-12-31',
            status: 'planned',
            created_by: 'matrix',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async decisionAt(unit) {
        const period = await db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
        const row = await db
          .insertInto('decision')
          .values({
            org_unit_id: unit.id,
            period_id: period.id,
            kind: 'order',
            number: `${++n}-од`,
            issued_on: '2025-10-01',
            title: 'О мерах',
            issuer: 'Управление образования',
            file_name: 'order.pdf',
            mime: 'application/pdf',
            size: PDF_BYTES.length,
            content: PDF_BYTES,
            created_by: 'matrix',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async measureDocumentAt(unit) {
        const measure = await this.measureAt(unit)
        const entry = await db
          .insertInto('measure_progress')
          .values({ measure_id: measure, on_date: '2025-11-01', text: 'Отчёт', author: 'matrix' })
          .returning('id')
          .executeTakeFirstOrThrow()
        const doc = await db
          .insertInto('measure_document')
          .values({
            progress_id: entry.id,
            file_name: 'report.png',
            mime: 'image/png',
            size: PNG_BYTES.length,
            content: PNG_BYTES,
            uploaded_by: 'matrix',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return doc.id
      },
      async reportAt(unit) {
        const period = await db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
        const content = new TextEncoder().encode('%PDF-1.7 matrix')
        const row = await db
          .insertInto('report')
          .values({
            org_unit_id: unit.id,
            period_id: period.id,
            format: 'pdf',
            status: 'done',
            file_name: `Справка ${++n}.pdf`,
            size: content.length,
            content,
            requested_by: 'matrix',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async personAt(unit) {
        const person = await db
          .insertInto('person')
          .values({
            region_id: Number(unit.path.split('/').filter(Boolean)[0]),
            surname: `Сотрудник${++n}`,
            name: 'Тест',
            birth_date: '1985-04-05',
            created_by: 'matrix',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await db
          .insertInto('employment')
          .values({ person_id: person.id, org_unit_id: unit.id, position: 'teacher', starts_on: '2020-09-01' })
          .execute()
        return person.id
      },
      async eventAt(unit) {
        const person = await this.personAt(unit)
        const event = await db
          .insertInto('person_event')
          .values({
            person_id: person,
            org_unit_id: unit.id,
            kind: 'diagnostics',
            occurred_on: '2025-09-15',
            details: JSON.stringify({ instrument: 'matrix' }),
            created_by: 'matrix',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return { person, event: event.id }
      },
      async setState(unit, state) {
        const period = await db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
        const row = { state, comment: null, updated_by: 'matrix', updated_at: new Date() }
        await db
          .insertInto('submission')
          .values({ org_unit_id: unit.id, period_id: period.id, plugin_id: 'deficits', ...row })
          .onConflict((oc) => oc.columns(['org_unit_id', 'period_id', 'plugin_id']).doUpdateSet(row))
          .execute()
      },
    }
    const fingerprint = async () =>
      (
        await sql<Record<string, unknown>>`
          select (select count(*) from audit_log) as audit,
                 (select count(*) from data_value) as data_values,
                 (select count(*) from document) as documents,
                 (select coalesce(sum(version), 0) from data_value) as versions,
                 (select count(*) from target) as targets,
                 (select count(*) from local_indicator_revision) as local_revisions,
                 (select count(*) from indicator where archived_at is not null) as archived_indicators,
                 (select count(*) from data_element) as data_elements,
                 (select string_agg(definition::text, ',' order by id) from data_element where owner_org_unit_id is not null) as local_elements,
                 (select coalesce(sum(value), 0) from target) as target_sum,
                 (select count(*) from region_plugin) as region_plugins,
                 (select count(*) from app_user) as users,
                 (select string_agg(name || password_hash, ',' order by id) from app_user) as profiles,
                 (select count(*) from role_assignment) as roles,
                 (select count(*) from api_token where revoked_at is null) as tokens,
                 (select string_agg(org_unit_id || state, ',' order by org_unit_id) from submission) as submissions,
                 (select string_agg(region_id || ':' || monitoring_due, ',' order by region_id) from campaign) as campaigns,
                 (select count(*) from recommendation) as recommendations,
                 (select string_agg(id || state || text || edited || stale, ',' order by id) from recommendation) as recommendation_states,
                 (select count(*) from conclusion) as conclusions,
                 (select count(*) from measure) as measures,
                 (select string_agg(id || status || title, ',' order by id) from measure) as measure_states,
                 (select count(*) from measure_progress) as measure_progress,
                 (select count(*) from measure_document) as measure_documents,
                 (select count(*) from report) as reports,
                 (select count(*) from person) as people,
                 (select coalesce(sum(version), 0) from person) as person_versions,
                 (select count(*) from employment) as employments,
                 (select count(*) from person_event) as person_events,
                 (select count(*) from person_event_option) as person_event_options,
                 (select string_agg(region_id || ':' || retention_months || ':' || region_admin_read, ',' order by region_id) from registry_setting) as registry_settings,
                 (select string_agg(id || ':' || version || ':' || coalesce(published_version, 0) || ':' || coalesce(published_at::text, ''), ',' order by id) from conclusion) as conclusion_versions
        `.execute(db)
      ).rows[0]
    const readable = (who: Who, unitId: number) => {
      if (who === 'platform_admin') return true
      const home = CALLERS[who as Role].unit
      return home !== null && unitsById.get(unitId)!.path.startsWith(units.get(home)!.path)
    }

    const failures: string[] = []
    const counts = { cases: 0, allowed: 0, refused: 0, unauthenticated: 0 }
    for (const [name, route] of Object.entries(ROUTES)) {
      const method = name.split(' ')[0]!
      for (const who of [...ROLES, 'anonymous'] as Who[]) {
        const relations: (Relation | 'n/a')[] = route.mode === 'none' ? ['n/a'] : RELATIONS
        for (const [i, relation] of relations.entries()) {
          const targetName = route.mode === 'none' ? undefined : TARGETS[who][route.mode][i]
          const expected =
            who === 'anonymous' ? (targetName === null ? '-' : route.public ? '1' : 'u') : route.expect[who][i]
          if (targetName === null) {
            if (expected !== '-')
              failures.push(`${name} as ${who} (${relation}): the table expects a target that does not exist`)
            continue
          }
          if (expected === '-' || expected === undefined) {
            failures.push(`${name} as ${who} (${relation}): no expectation for an existing target`)
            continue
          }
          const target = targetName === undefined ? undefined : units.get(targetName)!
          const { path, body } = await route.request(target, who, ctx)
          const headers: Record<string, string> =
            body === undefined
              ? {}
              : body instanceof FormData
                ? { 'sec-fetch-site': 'same-origin' }
                : { 'content-type': 'application/json' }
          if (who !== 'anonymous') {
            const login = CALLERS[who].login
            const user = await db
              .selectFrom('app_user')
              .select('id')
              .where('login', '=', login)
              .executeTakeFirstOrThrow()
            // A fresh session per case: logout and password change end sessions.
            headers.cookie = `${SESSION_COOKIE}=${(await createSession(db, user.id, { address: null, userAgent: null })).token}`
          }
          const before = await fingerprint()
          const res = await t.app.request(path, {
            method,
            headers,
            ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
          })
          const text = await res.text()
          const json = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : null
          const label = `${name} as ${who} on ${relation}${targetName ? ` (${targetName})` : ''}: ${path}`
          counts.cases++
          if (expected === '1') {
            counts.allowed++
            if (res.status !== route.ok) failures.push(`${label}: expected ${route.ok}, got ${res.status} ${text}`)
            else if (route.audited) {
              const after = await fingerprint()
              if (Number(after?.audit) <= Number(before?.audit)) failures.push(`${label}: allowed, yet not audited`)
            }
            const foreign = who === 'anonymous' ? [] : [...unitsIn(json)].filter((id) => !readable(who, id))
            if (foreign.length) failures.push(`${label}: leaks foreign org units ${foreign.join(', ')}`)
          } else {
            const status = expected === 'u' ? 401 : 403
            const code = expected === 'u' ? 'unauthenticated' : 'forbidden'
            counts[expected === 'u' ? 'unauthenticated' : 'refused']++
            const got = (json as { error?: { code?: string } } | null)?.error?.code
            if (res.status !== status || got !== code)
              failures.push(`${label}: LEAK? expected ${status} ${code}, got ${res.status} ${text.slice(0, 200)}`)
            const after = await fingerprint()
            if (JSON.stringify(after) !== JSON.stringify(before))
              failures.push(
                `${label}: refused, yet something was written: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
              )
          }
        }
      }
    }
    console.log(
      `access matrix on ${testEngine}: ${counts.cases} cases (${Object.keys(ROUTES).length} routes × 5 roles + anonymous × own/sibling/parent): ` +
        `${counts.allowed} allowed, ${counts.refused} refused with 403, ${counts.unauthenticated} refused with 401`,
    )
    expect(failures).toEqual([])
    expect(counts.cases).toBeGreaterThan(250)
    // Over a thousand requests, each with its own session: past the default 60 s on a loaded 2-core machine.
  }, 180_000)
})
