import type { RegistryEventKind } from '../schema/derived.ts'

/**
 * The type of a registry field in a filter: comparisons need equal types, `and`/`or`/`!` take
 * booleans, arithmetic takes numbers.
 *
 * @example
 * const t: RegistryFieldType = 'text'
 */
export type RegistryFieldType = 'number' | 'boolean' | 'text'

/**
 * A field a derived element's filter may name. Person fields are read on the period's reference
 * date; event fields (with `kinds`, the events that carry them) exist only in filters of
 * elements that name an `event` kind.
 *
 * @example
 * const age: RegistryField = { name: 'age', type: 'number', about: 'full years on the reference date' }
 */
export interface RegistryField {
  name: string
  type: RegistryFieldType
  about: string
  /** For text fields: the values a comparison may use. */
  values?: readonly string[]
  /** Event fields: the event kinds that have it (every kind when absent). */
  kinds?: readonly RegistryEventKind[]
}

/**
 * Fields of a person and their employment in the subtree, on the period's reference date.
 *
 * @example
 * PERSON_FIELDS.map((f) => f.name).includes('age') // true
 */
export const PERSON_FIELDS: readonly RegistryField[] = [
  { name: 'age', type: 'number', about: 'full years on the reference date' },
  { name: 'experience_years', type: 'number', about: 'full years of pedagogical experience on the reference date' },
  {
    name: 'education',
    type: 'text',
    about: 'education',
    values: ['higher_pedagogical', 'higher_other', 'secondary_pedagogical', 'secondary_other'],
  },
  { name: 'pedagogical_education', type: 'boolean', about: 'higher or secondary pedagogical education' },
  { name: 'category', type: 'text', about: 'qualification category', values: ['none', 'first', 'highest'] },
  { name: 'management_reserve', type: 'boolean', about: 'in the management reserve' },
  {
    name: 'position',
    type: 'text',
    about: 'position of an employment in the subtree',
    values: ['teacher', 'head', 'deputy_head', 'methodist', 'educator', 'other'],
  },
  { name: 'main', type: 'boolean', about: 'the employment is the main one (not part-time)' },
  { name: 'rate', type: 'number', about: 'the employment rate' },
]

/**
 * Fields of a registry event (the element's `event` kind).
 *
 * @example
 * EVENT_FIELDS.find((f) => f.name === 'provider')?.values // ['cnppm', 'federal', 'other']
 */
export const EVENT_FIELDS: readonly RegistryField[] = [
  { name: 'in_period', type: 'boolean', about: 'occurred within the period' },
  { name: 'completed', type: 'boolean', about: 'completed by the end of the period' },
  { name: 'completed_in_period', type: 'boolean', about: 'completed within the period' },
  { name: 'based_on_diagnostics', type: 'boolean', about: 'built on a diagnostics of deficits' },
  { name: 'deficits', type: 'number', about: 'how many deficit types the diagnostics found', kinds: ['diagnostics'] },
  {
    name: 'provider',
    type: 'text',
    about: 'provider kind: the regional centre (ЦНППМ), a federal priority programme or other',
    values: ['cnppm', 'federal', 'other'],
    kinds: ['course', 'retraining'],
  },
  { name: 'hours', type: 'number', about: 'course hours', kinds: ['course'] },
  { name: 'distance', type: 'boolean', about: 'taken at a distance', kinds: ['course'] },
  { name: 'pedagogical', type: 'boolean', about: 'a programme of pedagogical orientation', kinds: ['retraining'] },
  { name: 'role', type: 'text', about: 'mentor or mentee; an expert role', kinds: ['mentoring', 'expert_role'] },
  {
    name: 'membership',
    type: 'text',
    about: 'methodical asset or network community',
    values: ['methodical_asset', 'network_community'],
    kinds: ['membership'],
  },
  { name: 'level', type: 'text', about: 'contest level', kinds: ['contest'] },
  {
    name: 'result',
    type: 'text',
    about: 'participant or winner',
    values: ['participant', 'winner'],
    kinds: ['contest'],
  },
  {
    name: 'attested_category',
    type: 'text',
    about: 'the category an attestation gave',
    values: ['none', 'first', 'highest'],
    kinds: ['attestation'],
  },
]

/**
 * Seed 003's staff clusters as filters over the person fields: a cluster is computed on the
 * period's reference date, never typed. Clusters overlap (a young head is in both). The pension
 * age is taken as 60, the lower bound of the current transition.
 *
 * @example
 * STAFF_CLUSTER_RULES.young_under_35 // 'age < 35'
 */
export const STAFF_CLUSTER_RULES: Readonly<Record<string, string>> = {
  young_under_35: 'age < 35',
  experience_under_3: 'experience_years < 3',
  specialists: 'experience_years >= 3 and age >= 35 and age < 60',
  management_reserve: 'management_reserve',
  heads: 'position == "head" or position == "deputy_head"',
  pensioners: 'age >= 60',
}

/**
 * Dimensions a derived element may be broken down by, and where each option comes from.
 *
 * @example
 * DERIVED_BREAKDOWNS.subject // 'subjects taught'
 */
export const DERIVED_BREAKDOWNS: Readonly<Record<string, string>> = {
  subject: 'subjects taught',
  staff_cluster: 'clusters computed on the reference date',
  deficit_type: 'deficits found by a diagnostics',
}
