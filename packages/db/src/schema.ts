import type { Role, SubmissionState, TargetScoreBand } from '@profmon/contract/rules'
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/** Timestamps are written as Date (or defaulted) and read as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/**
 * Org units: a tree region → municipality → organisation. `path` is the materialized path of
 * ids (`/1/5/123/`), so a subtree is one indexed prefix query (`path LIKE '/1/5/%'`).
 */
export interface OrgUnitTable {
  id: Generated<number>
  parent_id: number | null
  code: string | null
  name: string
  short_name: string | null
  /** 1 region, 2 municipality, 3 organisation. */
  level: number
  /** region, municipality, school, kindergarten, college, methodical_centre, … */
  kind: string
  path: string
  created_at: Timestamp
}

/** Yearly reporting periods: `2024-25` (academic) or `2025` (calendar). */
export interface PeriodTable {
  id: Generated<number>
  code: string
  title: string
  starts_on: string
  ends_on: string
  /** The date derived elements count staff, ages and clusters on (null: `starts_on`; migration 0014). */
  reference_date: ColumnType<string | null, string | null | undefined, string | null>
}

/** Deadlines of the yearly cycle of one region and period (seed 004). */
export interface CampaignTable {
  region_id: number
  period_id: number
  monitoring_due: string
  analysis_due: string
  measures_due: string
  effectiveness_due: string
  /** The directions collected in the period; null: every direction the region has enabled. */
  collected_plugins: ColumnType<string[] | null, string[] | null | undefined, string[] | null>
  /** Element code → org level name, where the region moved an element's entry level. */
  entry_levels: ColumnType<Record<string, string>, string | undefined, string>
  /** Element code → `registry` or `entered`, where the region chose (migration 0014). */
  element_sources: ColumnType<Record<string, 'registry' | 'entered'>, string | undefined, string>
  /** False while the row was stored only for other settings (element sources): deadlines are the defaults, not enforced. */
  deadlines_set: ColumnType<boolean, boolean | undefined, boolean>
}

/** Breakdown dimensions; `plugin_id` null for core dimensions. */
export interface DimensionTable {
  code: string
  title: unknown
  plugin_id: string | null
}

export interface DimensionOptionTable {
  id: Generated<number>
  dimension_code: string
  code: string
  title: unknown
  sort: number
}

/** Installed plugins with their validated manifest (or why they were refused). */
export interface PluginTable {
  id: string
  version: string
  title: unknown
  /** `active`, or `incompatible` (its contract range excludes this contract) / `invalid` (manifest refused). */
  status: string
  error: string | null
  manifest: unknown
  updated_at: Timestamp
}

/** Which plugins a region has enabled. Disabling hides a direction; its data stays. */
export interface RegionPluginTable {
  region_id: number
  plugin_id: string
  enabled: boolean
  updated_at: Timestamp
}

/** Data elements of plugins (and, later, local ones owned by an org unit). */
export interface DataElementTable {
  id: Generated<number>
  code: string
  plugin_id: string | null
  owner_org_unit_id: number | null
  value_type: string
  aggregation: string
  dimension_code: string | null
  definition: unknown
  /** A local element no longer offered for formulas and entry; its values are kept. */
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

/** Indicators of plugins (and local ones owned by an org unit). */
export interface IndicatorTable {
  id: Generated<number>
  code: string
  plugin_id: string | null
  owner_org_unit_id: number | null
  definition: unknown
  /** The direction (plugin id) a local indicator is grouped under; null = its own group. */
  direction: ColumnType<string | null, string | null | undefined, string | null>
  /** An archived local indicator is no longer evaluated; its data is kept. */
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

/**
 * Revisions of a local indicator: editing appends one. A period's values are computed by the
 * newest revision valid from that period or earlier (`valid_from_period_id` null = from the start).
 */
export interface LocalIndicatorRevisionTable {
  id: Generated<number>
  indicator_id: number
  revision: number
  definition: unknown
  valid_from_period_id: number | null
  author: string
  created_at: Timestamp
}

/**
 * Raw values, one per (org unit, period, element, option). `option_id` 0 is the total; any
 * other is a `dimension_option.id`. `version` counts writes for optimistic concurrency.
 */
export interface DataValueTable {
  org_unit_id: number
  period_id: number
  element_id: number
  option_id: number
  value: number | null
  text_value: string | null
  version: Generated<number>
  updated_at: Timestamp
  updated_by: string | null
  /**
   * The region (root of the org unit's path): the partition key (migration `0015-partition-by-region`).
   * Every writer supplies it; PostgreSQL routes a row by the values it is given.
   */
  region_id: number
}

/**
 * Maintained aggregates (migration `0012-aggregates`): the values of an element, period and option
 * reported by the descendants of `org_unit_id` (a subtree = this row + the unit's own values), kept
 * by triggers in the writing transaction. `n` values reported, `s` their exact sum, `nt` how many are non-zero, `lo`/`hi` the
 * extremes (only for `min`/`max` elements, else null). A key without values has no row.
 */
export interface DataAggregateTable {
  org_unit_id: number
  period_id: number
  element_id: number
  option_id: number
  n: number
  /** numeric: read as a string. */
  s: ColumnType<string, string | number, string | number>
  nt: number
  lo: number | null
  hi: number | null
  /** The region of `org_unit_id`: the partition key (migration `0015-partition-by-region`). */
  region_id: number
  /** The row as the analytics endpoint reads it (generated): `unit,period,element,option,n,s,nt,lo,hi`. */
  line: Generated<string>
}

/** A target set for an indicator, period and org unit subtree (region default, municipal override). */
export interface TargetTable {
  id: Generated<number>
  indicator_code: string
  period_id: number
  org_unit_id: number
  value: number
  tolerance: number | null
  /** Points per band of values, `[{ min, max, score }]` ordered and not overlapping; null = none. */
  score_bands: ColumnType<TargetScoreBand[] | null, string | null | undefined, string | null>
  /** The smallest change that counts as a move; null = the indicator's default (1 p.p. for a share). */
  effective_gap: ColumnType<number | null, number | null | undefined, number | null>
  /** On a region's target: municipalities may set a laxer target of their own. */
  allow_laxer: Generated<boolean>
  updated_at: Timestamp
}

/** Append-only log of every write: who, when, what, old, new. UPDATE and DELETE are refused. */
export interface AuditLogTable {
  id: Generated<string>
  at: Timestamp
  actor: string
  action: string
  entity: string
  entity_key: string
  org_unit_id: number | null
  old_value: unknown
  new_value: unknown
}

/** The roles of access control; each is held on an org unit's subtree (a platform admin's on none or any). */
export type { Role }

/** People who sign in. `login` is lower-case; the password is an argon2id hash, never the password. */
export interface AppUserTable {
  id: Generated<number>
  login: string
  name: string
  password_hash: string
  /** An inactive user cannot sign in, and their sessions and tokens stop working. */
  active: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
}

/** A role held on an org unit's subtree. `org_unit_id` is null only for a platform admin bound to no region. */
export interface RoleAssignmentTable {
  id: Generated<number>
  user_id: number
  role: Role
  org_unit_id: number | null
  created_at: Timestamp
}

/** A signed-in browser. `id` is the sha-256 of the cookie's token; expiry is computed from the two times. */
export interface UserSessionTable {
  id: string
  user_id: number
  created_at: Timestamp
  last_seen_at: Timestamp
  address: string | null
  user_agent: string | null
}

/** Every login attempt, kept in the database so that all replicas count the same failures. */
export interface LoginAttemptTable {
  id: Generated<number>
  at: Timestamp
  login: string
  address: string
  success: boolean
}

/** A personal API token (`Authorization: Bearer …`): only its sha-256 is stored. */
export interface ApiTokenTable {
  id: Generated<number>
  user_id: number
  name: string
  token_hash: string
  created_at: Timestamp
  last_used_at: Date | null
  revoked_at: Date | null
}

/**
 * An evidence document of a presence indicator for an org unit and period (`document_code` is
 * one of the indicator's `evidence` codes); the file itself is in `content`.
 */
export interface DocumentTable {
  id: Generated<number>
  org_unit_id: number
  period_id: number
  indicator_code: string
  document_code: string
  file_name: string
  mime: string
  size: number
  content: Uint8Array
  uploaded_by: string
  uploaded_at: Timestamp
}

/** Entry state of one org unit, period and direction; transitions are kept in the audit log. */
export interface SubmissionTable {
  org_unit_id: number
  period_id: number
  plugin_id: string
  state: SubmissionState
  /** Why it was returned (required then); kept on later states until the next return. */
  comment: string | null
  updated_by: string
  updated_at: Timestamp
}

/** draft → submitted → approved; submitted or approved → returned (with a comment) → submitted. */
export type { SubmissionState }

/** Where a recommendation is in its life: draft → published → acknowledged; withdrawn from draft or published. */
export type RecommendationState = 'draft' | 'published' | 'acknowledged' | 'withdrawn'

/**
 * A targeted recommendation (адресная рекомендация) for one addressed org unit and period, owned by
 * the unit that generated or wrote it. Generated ones are unique per (rule, unit, period).
 */
export interface RecommendationTable {
  id: Generated<number>
  period_id: number
  org_unit_id: number
  owner_org_unit_id: number
  source: 'generated' | 'authored'
  rule_code: string | null
  plugin_id: string | null
  addressee: 'teachers' | 'school_leadership' | 'methodical_support' | 'municipal_authority'
  indicators: ColumnType<string[], string[] | undefined, string[]>
  text: string
  /** What triggered a generated one: indicator, value, target, gap (JSON). */
  figures: unknown
  state: RecommendationState
  /** A generated draft whose trigger no longer holds after re-generation (kept, not deleted). */
  stale: Generated<boolean>
  /** A person changed it: re-generation never overwrites its text. */
  edited: Generated<boolean>
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
  published_by: string | null
  published_at: Date | null
  acknowledged_by: string | null
  acknowledged_at: Date | null
  withdrawn_by: string | null
  withdrawn_at: Date | null
  withdrawn_reason: string | null
}

/**
 * An analyst's written conclusion per org unit, period and direction (plugin id or `local`): the
 * draft body with an optimistic version, and the last published body with the analytics rows it
 * quoted, frozen at publication.
 */
export interface ConclusionTable {
  id: Generated<number>
  org_unit_id: number
  period_id: number
  plugin_id: string
  body: unknown
  version: Generated<number>
  updated_by: string
  updated_at: Timestamp
  published_version: number | null
  published_body: unknown
  published_figures: unknown
  published_by: string | null
  published_at: Date | null
}

/**
 * Where a measure is: planned → in_progress → done, or cancelled; a done one reopens to in_progress.
 * A measure carried into the next period starts as proposed until a person confirms it (planned).
 */
export type MeasureStatus = 'proposed' | 'planned' | 'in_progress' | 'done' | 'cancelled'

/**
 * A measure (мера, мероприятие) an org unit plans in a period: responsible person, dates, status,
 * the values it expects per indicator, the indicators and recommendations it answers. Made from a
 * roadmap template item (unique per unit, period and item) or pushed down from a region's measure
 * (unique per parent and unit).
 */
export interface MeasureTable {
  id: Generated<number>
  org_unit_id: number
  period_id: number
  title: string
  description: Generated<string>
  plugin_id: string | null
  indicators: ColumnType<string[], string[] | undefined, string[]>
  recommendations: ColumnType<number[], number[] | undefined, number[]>
  responsible_name: string | null
  responsible_position: string | null
  responsible_user_id: number | null
  /** Dates: written as 'YYYY-MM-DD', read through to_char. */
  starts_on: ColumnType<Date, string, string>
  due_on: ColumnType<Date, string, string>
  status: MeasureStatus
  /** `{ indicatorCode: value }` (JSON). */
  expected: ColumnType<unknown, string | undefined, string>
  template_item_code: string | null
  parent_measure_id: number | null
  carried_from: number | null
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

/** A dated progress entry of a measure. */
export interface MeasureProgressTable {
  id: Generated<number>
  measure_id: number
  on_date: ColumnType<Date, string, string>
  text: string
  author: string
  at: Timestamp
}

/** A document attached to a progress entry (kind checked by content). */
export interface MeasureDocumentTable {
  id: Generated<number>
  progress_id: number
  file_name: string
  mime: string
  size: number
  content: Uint8Array
  uploaded_by: string
  uploaded_at: Timestamp
}

/** Kinds of management decisions (seed 001 §3.5: orders, instructions and other documents). */
export type DecisionKind =
  'order' | 'instruction' | 'letter' | 'programme_change' | 'local_regulation' | 'recommendation'

/** A management decision (управленческое решение) of an org unit in a period, with its document. */
export interface DecisionTable {
  id: Generated<number>
  org_unit_id: number
  period_id: number
  kind: DecisionKind
  number: string
  issued_on: ColumnType<Date, string, string>
  title: string
  issuer: string
  measures: ColumnType<number[], number[] | undefined, number[]>
  indicators: ColumnType<string[], string[] | undefined, string[]>
  recommendations: ColumnType<number[], number[] | undefined, number[]>
  file_name: string | null
  mime: string | null
  size: number | null
  content: Uint8Array | null
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

/** The responsible person's comment on a measure's (computed) effectiveness. */
export interface EffectivenessCommentTable {
  measure_id: number
  text: string
  author: string
  at: Timestamp
}

/** Where an ordered report's background job is. */
export type ReportStatus = 'queued' | 'running' | 'done' | 'failed'

/** An ordered analytical report: the request, its job's progress and, once done, the file. */
export interface ReportTable {
  id: Generated<number>
  org_unit_id: number
  period_id: number
  format: 'docx' | 'pdf'
  /** The sections asked for (JSON): `{ plugins?: string[], appendix?: boolean, children?: 'sections' | 'compact' }`. */
  sections: ColumnType<unknown, string | undefined, string>
  status: Generated<ReportStatus>
  progress_done: Generated<number>
  progress_total: Generated<number>
  progress_section: string | null
  error: string | null
  attempts: Generated<number>
  job_id: string | null
  file_name: string | null
  size: number | null
  content: Uint8Array | null
  requested_by: string
  requested_by_user_id: number | null
  requested_at: Timestamp
  started_at: Date | string | null
  finished_at: Date | string | null
}

/** Dates of the registry: written and read as 'YYYY-MM-DD' strings (the DATE parser keeps them as text). */
type DateText = ColumnType<string, string, string>
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>

/** Education of a person in the registry. */
export type PersonEducation = 'higher_pedagogical' | 'higher_other' | 'secondary_pedagogical' | 'secondary_other'
/** Qualification category. */
export type PersonCategory = 'none' | 'first' | 'highest'
/** Position held in an employment. */
export type EmploymentPosition = 'teacher' | 'head' | 'deputy_head' | 'methodist' | 'educator' | 'other'
/** Kinds of dated events of a person. */
export type PersonEventKind =
  | 'diagnostics'
  | 'iom'
  | 'course'
  | 'retraining'
  | 'mentoring'
  | 'expert_role'
  | 'membership'
  | 'contest'
  | 'attestation'
/** Kinds of the planned steps of an ИОМ. */
export type IomStepKind = 'course' | 'mentoring' | 'methodical_event' | 'internship' | 'other'

/**
 * A person of the teacher registry (migration `0013-registry`), owned by a region (`region_id`,
 * the tenant). Names, birth date and SNILS are personal data. SNILS is stored only encrypted
 * (`snils_enc`: base64 of iv|tag|ciphertext, AES-256-GCM) with a keyed hash (`snils_hash`:
 * HMAC-SHA256 hex) that is unique per region and used for matching. An anonymised person
 * (`anonymised_at`) keeps employments and events for the counts, not their identity.
 * `version` counts writes for optimistic concurrency.
 */
export interface PersonTable {
  id: Generated<number>
  region_id: number
  surname: string
  name: string
  patronymic: string | null
  birth_date: DateText
  snils_enc: string | null
  snils_hash: string | null
  education: PersonEducation | null
  /** Start of pedagogical experience. */
  experience_since: NullableDateText
  category: ColumnType<PersonCategory, PersonCategory | undefined, PersonCategory>
  category_on: NullableDateText
  management_reserve: Generated<boolean>
  anonymised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  version: Generated<number>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

/** A person's employment in an organisation: position, rate, main or part-time, from/to dates. */
export interface EmploymentTable {
  id: Generated<number>
  person_id: number
  org_unit_id: number
  position: EmploymentPosition
  /** numeric(4,2): read as a string. */
  rate: ColumnType<string, string | number | undefined, string | number>
  main: Generated<boolean>
  starts_on: DateText
  /** null: still employed; never before `starts_on`. */
  ends_on: NullableDateText
}

/** Subjects a person teaches: options of the `subject` dimension. */
export interface PersonSubjectTable {
  person_id: number
  option_id: number
}

/**
 * A dated event of a person, recorded by `org_unit_id` (the organisation, or the region for a
 * region-level import). `based_on` names the diagnostics an ИОМ or course is built on. `details`
 * depends on the kind (validated by the server): diagnostics `{ instrument }`; course `{ title,
 * provider: 'cnppm' | 'federal' | 'other', hours, distance }`; retraining `{ pedagogical, provider }`;
 * mentoring `{ role: 'mentor' | 'mentee', partner_id?, programme }`; expert_role `{ role:
 * 'gia_commission' | 'contest_jury' | 'course_expertise' }`; membership `{ kind: 'methodical_asset'
 * | 'network_community', name }`; contest `{ level: 'municipal' | 'regional' | 'federal', result:
 * 'participant' | 'winner' }`; attestation `{ category }`.
 */
export interface PersonEventTable {
  id: Generated<number>
  person_id: number
  org_unit_id: number
  kind: PersonEventKind
  occurred_on: DateText
  completed_on: NullableDateText
  based_on: number | null
  details: ColumnType<Record<string, unknown>, string | undefined, string>
  created_by: string | null
  created_at: Timestamp
}

/** The deficits a diagnostics found, by type: options of the `deficit_type` dimension. */
export interface PersonEventOptionTable {
  event_id: number
  option_id: number
}

/** A planned step of an ИОМ (an `iom` event), with its due and completion dates. */
export interface IomStepTable {
  id: Generated<number>
  event_id: number
  kind: IomStepKind
  title: string
  due_on: NullableDateText
  completed_on: NullableDateText
  sort: ColumnType<number, number | undefined, number>
}

/**
 * Registry settings of a region: whether it keeps a registry (when not, every element stays
 * entered), how many months after leaving a person is anonymised, and whether the region's admins
 * may read personal data. No row: the defaults (disabled, 36 months, no read).
 */
export interface RegistrySettingTable {
  region_id: number
  enabled: Generated<boolean>
  retention_months: Generated<number>
  region_admin_read: Generated<boolean>
  updated_by: string | null
  updated_at: Timestamp
}

/** The whole database as kysely sees it: the single source of the database's shape. */
/** A key where the plugins' copies of a core element disagreed when merged (migration 0014): one row per copy. */
export interface CoreElementMergeTable {
  id: Generated<number>
  org_unit_id: number
  period_id: number
  element_code: string
  option_id: number
  source_code: string
  source_value: number
  kept_value: number
  merged_at: Generated<Date>
}

/** What the analytics read, versioned per region (its values) and as a whole (scope 0): migration 0016. */
export interface AnalyticsVersionTable {
  scope: number
  /** bigint: node-postgres gives it as text. */
  version: ColumnType<string, string | number, string | number>
}

/** The scopes a writing transaction changed, moved into `analytics_version` at its commit. */
export interface AnalyticsChangeTable {
  scope: number
}

export interface Database {
  analytics_version: AnalyticsVersionTable
  analytics_change: AnalyticsChangeTable
  core_element_merge: CoreElementMergeTable
  org_unit: OrgUnitTable
  period: PeriodTable
  campaign: CampaignTable
  dimension: DimensionTable
  dimension_option: DimensionOptionTable
  plugin: PluginTable
  region_plugin: RegionPluginTable
  data_element: DataElementTable
  indicator: IndicatorTable
  local_indicator_revision: LocalIndicatorRevisionTable
  data_value: DataValueTable
  data_aggregate: DataAggregateTable
  target: TargetTable
  audit_log: AuditLogTable
  app_user: AppUserTable
  role_assignment: RoleAssignmentTable
  user_session: UserSessionTable
  login_attempt: LoginAttemptTable
  api_token: ApiTokenTable
  submission: SubmissionTable
  document: DocumentTable
  recommendation: RecommendationTable
  conclusion: ConclusionTable
  measure: MeasureTable
  measure_progress: MeasureProgressTable
  measure_document: MeasureDocumentTable
  decision: DecisionTable
  effectiveness_comment: EffectivenessCommentTable
  report: ReportTable
  person: PersonTable
  employment: EmploymentTable
  person_subject: PersonSubjectTable
  person_event: PersonEventTable
  person_event_option: PersonEventOptionTable
  iom_step: IomStepTable
  registry_setting: RegistrySettingTable
}

export type OrgUnit = Selectable<OrgUnitTable>
export type NewOrgUnit = Insertable<OrgUnitTable>
export type Period = Selectable<PeriodTable>
export type DataValue = Selectable<DataValueTable>
export type NewDataValue = Insertable<DataValueTable>
export type AuditEntry = Insertable<AuditLogTable>
export type AppUser = Selectable<AppUserTable>
export type Person = Selectable<PersonTable>
export type Employment = Selectable<EmploymentTable>
export type PersonEvent = Selectable<PersonEventTable>
