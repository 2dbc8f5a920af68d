import { z } from 'zod'
import type { IomStepKind, PersonEventKind } from '@profmon/db'

/** Every kind of person event, in the order forms list them. */
export const EVENT_KINDS = [
  'diagnostics',
  'iom',
  'course',
  'retraining',
  'mentoring',
  'expert_role',
  'membership',
  'contest',
  'attestation',
] as const satisfies readonly PersonEventKind[]

/** Kinds of the planned steps of an ИОМ. */
export const IOM_STEP_KINDS = [
  'course',
  'mentoring',
  'methodical_event',
  'internship',
  'other',
] as const satisfies readonly IomStepKind[]

export const COURSE_PROVIDERS = ['cnppm', 'federal', 'other'] as const
export const MENTORING_ROLES = ['mentor', 'mentee'] as const
export const EXPERT_ROLES = ['gia_commission', 'contest_jury', 'course_expertise'] as const
export const MEMBERSHIP_KINDS = ['methodical_asset', 'network_community'] as const
export const CONTEST_LEVELS = ['municipal', 'regional', 'federal'] as const
export const CONTEST_RESULTS = ['participant', 'winner'] as const
export const CATEGORIES = ['none', 'first', 'highest'] as const

const text = (max: number) => z.string().trim().min(1).max(max)

/**
 * The `details` of an event, one schema per kind (strict: an unknown field is an error). A
 * diagnostics' deficits and an ИОМ's steps are not details: they have tables of their own.
 */
export const EVENT_DETAILS = {
  diagnostics: z.object({ instrument: text(300).optional() }).strict(),
  iom: z.object({ title: text(300).optional() }).strict(),
  course: z
    .object({
      title: text(500),
      provider: z.enum(COURSE_PROVIDERS),
      hours: z.number().int().min(1).max(2000).optional(),
      distance: z.boolean().default(false),
    })
    .strict(),
  retraining: z.object({ pedagogical: z.boolean(), provider: text(300).optional() }).strict(),
  mentoring: z
    .object({
      role: z.enum(MENTORING_ROLES),
      partner_id: z.number().int().positive().optional(),
      programme: text(300).optional(),
    })
    .strict(),
  expert_role: z.object({ role: z.enum(EXPERT_ROLES) }).strict(),
  membership: z.object({ kind: z.enum(MEMBERSHIP_KINDS), name: text(300) }).strict(),
  contest: z
    .object({ level: z.enum(CONTEST_LEVELS), result: z.enum(CONTEST_RESULTS), name: text(300).optional() })
    .strict(),
  attestation: z.object({ category: z.enum(CATEGORIES) }).strict(),
} as const satisfies Record<PersonEventKind, z.ZodType>

/** The details of each kind, as their schemas output them. */
export type EventDetails = { [K in PersonEventKind]: z.output<(typeof EVENT_DETAILS)[K]> }

/**
 * Checks an event's details against its kind: the parsed details, or the problems with their
 * field paths (never the values).
 *
 * @example
 * parseEventDetails('course', { title: 'ФГОС', provider: 'cnppm', hours: 36 }) // { ok: true, details: { …, distance: false } }
 */
export function parseEventDetails(
  kind: PersonEventKind,
  details: unknown,
): { ok: true; details: Record<string, unknown> } | { ok: false; problems: { path: string; message: string }[] } {
  const parsed = EVENT_DETAILS[kind].safeParse(details ?? {})
  if (parsed.success) return { ok: true, details: parsed.data as Record<string, unknown> }
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({ path: ['details', ...i.path].join('.'), message: i.message })),
  }
}
