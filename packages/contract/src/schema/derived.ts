import { z } from 'zod'
import { codeSchema } from './common.ts'

/**
 * Kinds of dated events of the teacher registry (issue 16): a derived element may count people
 * with such an event, or the events themselves.
 *
 * @example
 * registryEventKindSchema.parse('iom') // an individual educational route (ИОМ)
 */
export const registryEventKindSchema = z.enum([
  'diagnostics',
  'iom',
  'course',
  'retraining',
  'mentoring',
  'expert_role',
  'membership',
  'contest',
  'attestation',
])
/**
 * One kind of registry event.
 *
 * @example
 * const kind: RegistryEventKind = 'course'
 */
export type RegistryEventKind = z.infer<typeof registryEventKindSchema>

/**
 * How a derived data element is counted from the teacher registry instead of being typed: the
 * **distinct people** employed in the subtree on the period's reference date (`count: 'people'`)
 * or their events (`count: 'events'`) that match `filter`, a formula over the registry's fields
 * (`age < 35`, `provider == "cnppm" and completed_in_period`). With `event`, a person counts when
 * one of their events of that kind matches. `breakdown` names the dimension of the element's
 * options: `subject` (subjects taught), `staff_cluster` (clusters computed on the reference date)
 * or `deficit_type` (deficits found by a diagnostics).
 *
 * @example
 * derivedSchema.parse({ count: 'people', event: 'course', filter: 'provider == "cnppm" and completed_in_period' })
 */
export const derivedSchema = z.object({
  count: z.enum(['people', 'events']),
  event: registryEventKindSchema.optional(),
  filter: z.string().max(2000).optional(),
  breakdown: codeSchema.optional(),
})
/**
 * The `derived` declaration of a data element.
 *
 * @example
 * const under35: Derived = { count: 'people', filter: 'age < 35' }
 */
export type Derived = z.infer<typeof derivedSchema>
