/**
 * Writes `packages/ui/src/api/schema.ts`, the TypeScript types of every API path, from the
 * OpenAPI document that the server's route schemas produce — the one source of API shapes.
 * The shell and the plugin views never import the server (layering); they import these types.
 *
 * @example
 * pnpm gen:api
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createApp, OPENAPI_INFO, type AppDeps } from '@profmon/server'
import openapiTS, { astToString } from 'openapi-typescript'
import * as prettier from 'prettier'

export const OUTPUT = fileURLToPath(new URL('../../packages/ui/src/api/schema.ts', import.meta.url))

const HEADER =
  '// generated — do not edit; pnpm gen:api\n// From the route schemas of apps/server via its OpenAPI document.\n\n'

// Building the document touches no dependency: routes only close over them in their handlers.
const NO_DEPS = {
  db: undefined,
  engine: 'pglite',
  catalog: undefined,
  log: undefined,
  pluginUiDirs: new Map(),
} as unknown as AppDeps

/** The server's OpenAPI 3.1 document, built without a database or a listening server. */
export function openApiDocument() {
  return createApp(NO_DEPS).getOpenAPI31Document(OPENAPI_INFO)
}

const META = new Set(['description', 'example', 'examples', 'deprecated', 'title'])

/**
 * The zod converter wraps a reference that carries more in `allOf`: a nullable one as
 * `allOf: [{ $ref }, { type: [object, null] }]`, which openapi-typescript reads as
 * `X & (Record<string, never> | null)` but means `X | null`, and a described one as
 * `allOf: [{ $ref }, { description }]`, read as `X & unknown`. Both become what they mean.
 *
 * @example
 * simplifyRefs({ allOf: [{ $ref: '#/c' }, { type: ['object', 'null'] }] }) // { anyOf: [{ $ref: '#/c' }, { type: 'null' }] }
 * simplifyRefs({ allOf: [{ $ref: '#/c' }, { description: 'd' }] }) // { description: 'd', $ref: '#/c' }
 */
export function simplifyRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifyRefs)
  if (node === null || typeof node !== 'object') return node
  const o = node as Record<string, unknown>
  const parts = o.allOf
  if (Array.isArray(parts) && parts.length === 2 && Object.keys(o).length === 1) {
    const [ref, other] = parts as Record<string, unknown>[]
    const { type, ...rest } = other ?? {}
    const onlyMeta = Object.keys(rest).every((k) => META.has(k))
    if (ref?.$ref && onlyMeta && type === undefined) return { ...rest, $ref: ref.$ref }
    if (ref?.$ref && onlyMeta && Array.isArray(type) && type.includes('null'))
      return { ...rest, anyOf: [ref, { type: 'null' }] }
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, simplifyRefs(v)]))
}

/** The schema module's text as prettier would format it, so that `pnpm format` leaves it unchanged. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(simplifyRefs(openApiDocument())), { exportType: false })
  const config = (await prettier.resolveConfig(OUTPUT)) ?? {}
  return prettier.format(HEADER + astToString(ast), { ...config, parser: 'typescript' })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(OUTPUT, await renderApiTypes())
  console.log(`wrote ${OUTPUT}`)
}
