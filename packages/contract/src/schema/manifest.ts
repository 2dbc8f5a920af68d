import { z } from 'zod'
import { localizedTextSchema } from './common.ts'
import { dataElementSchema } from './data-element.ts'
import { dimensionSchema } from './dimension.ts'
import { indicatorSchema } from './indicator.ts'
import { recommendationRuleSchema, validationRuleSchema } from './rules.ts'
import { PLUGIN_ID_PATTERN } from '../plugin/plugin-id.ts'
import { contractRangeOf } from '../version.ts'

export { codePrefix, remoteNameOf } from '../plugin/plugin-id.ts'

/**
 * A plugin id: kebab-case, also the URL segment (`/plugins/<id>/`, `/d/<id>`).
 *
 * @example
 * pluginIdSchema.safeParse('digital-environment').success // true
 * pluginIdSchema.safeParse('Digital_Environment').success // false
 */
export const pluginIdSchema = z.string().regex(PLUGIN_ID_PATTERN, 'must be kebab-case latin letters and digits')

/**
 * A plugin manifest: one monitoring direction. No I/O — the server reads it, validates it with
 * {@link definePlugin}'s rules and syncs its definitions into the database. The schema alone
 * checks the shape; {@link validateManifest} adds code prefixes, formulas and references.
 *
 * @example
 * const parsed = pluginManifestSchema.safeParse(manifest)
 * if (!parsed.success) console.error(parsed.error.issues)
 */
export const pluginManifestSchema = z.object({
  id: pluginIdSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+/, 'must be a semver version'),
  /**
   * Contract versions the plugin works with, a semver range (`'^1.0.0'`); a bare major number
   * (`1`, the form before ranges) still reads as `^1.0.0`, so plugins built with it keep loading.
   */
  contract: z.union([
    z.string().refine((r) => contractRangeOf(r) !== null, 'must be a semver range such as "^1.0.0"'),
    z.number().int().positive(),
  ]),
  title: localizedTextSchema,
  /** A few words for navigation and cards ("Дефициты"); the title is used when absent. */
  shortTitle: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  /** Sort position in navigation; lower first. */
  order: z.number().int().default(100),
  dimensions: z.array(dimensionSchema).default([]),
  dataElements: z.array(dataElementSchema).min(1),
  indicators: z.array(indicatorSchema).min(1),
  validationRules: z.array(validationRuleSchema).default([]),
  recommendations: z.array(recommendationRuleSchema).default([]),
  /** The federated UI: modules exposed by `/plugins/<id>/remoteEntry.js`. */
  ui: z
    .object({
      exposes: z.array(z.string().regex(/^\.\/[A-Za-z0-9]+$/)).min(1),
    })
    .optional(),
})
/**
 * A validated manifest with its defaults filled in, as {@link definePlugin} returns it.
 *
 * @example
 * const codes = (m: PluginManifest) => m.indicators.map((i) => i.code)
 */
export type PluginManifest = z.infer<typeof pluginManifestSchema>
/**
 * A manifest as a plugin writes it: what {@link definePlugin} accepts.
 *
 * @example
 * const draft: PluginManifestInput = {
 *   id: 'teacher-awards',
 *   version: '0.1.0',
 *   contract: CONTRACT_MAJOR,
 *   title: { ru: 'Конкурсы профессионального мастерства' },
 *   dataElements: [{ code: 'teacher_awards.winners', title: { ru: 'Победители' }, valueType: 'integer', min: 0 }],
 *   indicators: [
 *     {
 *       code: 'teacher_awards.winners_count',
 *       title: { ru: 'Победители' },
 *       kind: 'count',
 *       formula: '#{teacher_awards.winners}',
 *     },
 *   ],
 * }
 */
export type PluginManifestInput = z.input<typeof pluginManifestSchema>
