import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers'
import type { components, paths } from './schema.ts'

/*
 * Names for the API shapes the views use, all taken from the generated schema (the route
 * definitions are the one source; `pnpm gen:api` regenerates it). Never re-declare one by hand.
 */

type SuccessStatus = 200 | 201 | 202 | 204
type JsonOf<Response> = Response extends { content: { 'application/json': infer T } } ? T : undefined

/**
 * The JSON answer of a path's method on success (`undefined` for a 204).
 *
 * @example
 * type Rows = ResponseOf<'get', '/api/analytics'>['rows']
 */
export type ResponseOf<M extends HttpMethod, P extends PathsWithMethod<paths, M>> = paths[P][M] extends {
  responses: infer R
}
  ? { [S in keyof R & SuccessStatus]: JsonOf<R[S]> }[keyof R & SuccessStatus]
  : never

/**
 * The JSON body a path's method takes.
 *
 * @example
 * const body: BodyOf<'put', '/api/campaigns'> = { monitoringDue: '2026-01-20', ... }
 */
export type BodyOf<M extends HttpMethod, P extends PathsWithMethod<paths, M>> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : never

type Schemas = components['schemas']

/** An error answer: `{ error: { code, message, details } }`. */
export type ApiErrorBody = Schemas['Error']

/** An org unit as the API returns it. */
export type OrgUnit = Schemas['OrgUnit']
/** A reporting period (`GET /api/periods`). */
export type Period = Schemas['Period']
/** A plugin enabled for the user's region (`GET /api/plugins`). */
export type EnabledPlugin = Schemas['Plugin']
/** A plugin installed on the server, enabled or not for a region (`GET /api/plugins/installed`). */
export type InstalledPlugin = Schemas['InstalledPlugin']
/** One row of `GET /api/analytics`. */
export type AnalyticsRow = Schemas['AnalyticsRow']
/** The league table of `GET /api/analysis`: the unit's own figures and a row per child (or option). */
export type Analysis = Schemas['Analysis']
/** One row of the league table: value, target, rank, trend, gap in people and part of the shortfall. */
export type AnalysisRow = Schemas['AnalysisRow']
/** One period of `GET /api/analysis/trend`. */
export type TrendPoint = Schemas['TrendPoint']
/** A data-quality flag (`GET /api/data-quality`): advisory, never a block. */
export type QualityFlag = Schemas['QualityFlag']
/** Why a value is flagged: a jump, an outlier, missing values, a late submission. */
export type QualityReason = Schemas['QualityReason']
/** A target set on an org unit and period (`PUT /api/targets`). */
export type Target = Schemas['Target']
/** The target in force at a unit with where it comes from (`GET /api/targets/effective`). */
export type EffectiveTarget = Schemas['EffectiveTarget']
/** A band of values that earns a score. */
export type ScoreBand = Schemas['ScoreBand']
/** A written conclusion with its published version and frozen figures. */
export type Conclusion = Schemas['Conclusion']
/** The rich-text document of a conclusion: paragraphs and lists of text runs. */
export type RichText = Schemas['RichText']
/** A run of plain text with optional bold / italic. */
export type TextRun = Schemas['TextRun']
/** The signed-in user (`GET /api/auth/me`). */
export type Me = Schemas['Me']
/** A role held on an org unit's subtree; `orgUnit` null only for a platform admin bound to no region. */
export type RoleAssignment = Schemas['RoleAssignment']
/** A personal API token, without its secret. */
export type ApiToken = Schemas['ApiToken']
/** One entry of the audit log. */
export type AuditEntry = Schemas['AuditEntry']
/** A region's campaign for a period: deadlines and collection plan. */
export type Campaign = Schemas['Campaign']
/** A unit's entry state for a period and direction, with its children's. */
export type Completeness = Schemas['Completeness']
/** The entry state of one unit, period and direction. */
export type Submission = Schemas['Submission']
/** A child unit's state, with its name and how many values it has. */
export type ChildSubmission = Completeness['children'][number]
/** A local indicator as `GET /api/local-indicators` lists it. */
export type LocalIndicator = Schemas['LocalIndicator']
/** A data element as `GET /api/data-elements` lists it. */
export type DataElementView = Schemas['DataElementView']
/** One refused cell of an XLSX import. */
export type ImportError = Schemas['ImportError']
/** An evidence document attached to a unit, period and indicator. */
export type EvidenceDocument = Schemas['EvidenceDocument']

/** The contract as JSON (`GET /api/definitions`). */
export type Definitions = ResponseOf<'get', '/api/definitions'>
/** A direction's definitions: data elements, indicators, validation rules. */
export type PluginDefinitions = Definitions['plugins'][number]
/** A breakdown dimension with its options. */
export type DimensionDefinition = Definitions['dimensions'][number]

/** A targeted recommendation (`GET /api/recommendations`). */
export type Recommendation = Schemas['Recommendation']
/** Whom a recommendation speaks to: teachers, school leadership, methodical support, the municipal authority. */
export type Addressee = Schemas['Addressee']
/** Where a recommendation stands: draft, published, acknowledged or withdrawn. */
export type RecommendationState = Schemas['RecommendationState']
/** An ordered analytical report: its job's status and progress, and the file once done (`GET /api/reports/{id}`). */
export type Report = Schemas['Report']
/** What a report includes: directions, the appendix, the child units. */
export type ReportSections = Schemas['ReportSections']
/** One item of the "needs attention" list: a message code with its parameters (`GET /api/attention`). */
export type AttentionItem = Schemas['AttentionItem']

/** A measure of the roadmap (`GET /api/measures`). */
export type Measure = Schemas['Measure']
/** Where a measure stands: proposed (carried over, to confirm), planned, in progress, done or cancelled. */
export type MeasureStatus = Schemas['MeasureStatus']
/** A dated progress entry of a measure with its documents. */
export type MeasureProgress = Schemas['MeasureProgress']
/** The roadmap templates with their items (`GET /api/measure-templates`). */
export type MeasureTemplates = Schemas['MeasureTemplates']
/** A management decision (`GET /api/decisions`). */
export type Decision = Schemas['Decision']
/** A decision with what it changed: its measures judged and its indicators before and after. */
export type DecisionWithChanges = Schemas['DecisionWithChanges']
/** What kind of document a decision is: order, instruction, letter, programme change, local act, recommendation. */
export type DecisionKind = Schemas['DecisionKind']
/** The effectiveness of a unit's measures of a period (`GET /api/effectiveness`). */
export type Effectiveness = Schemas['Effectiveness']
/** One measure judged on the next period, indicator by indicator. */
export type MeasureEffect = Schemas['MeasureEffect']
/** A computed verdict: effective, partly, not effective, no data. */
export type Verdict = Schemas['Verdict']
/** The management cycle at a glance (`GET /api/cycle`). */
export type Cycle = Schemas['Cycle']
/** One direction's nine components with the completeness score. */
export type CycleDirection = Schemas['CycleDirection']
