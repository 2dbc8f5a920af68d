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

const HEADER = '// generated — do not edit; pnpm gen:api\n// From the route schemas of apps/server via its OpenAPI document.\n\n'

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

/**
 * A nullable reference comes out of the zod converter as `allOf: [{ $ref }, { type: [object, null] }]`,
 * (with a description, if any, beside the type), which openapi-typescript reads as `X & (Record<string, never> | null)`; it means `X | null`.
 *
 * @example
 * nullableRefs({ allOf: [{ $ref: '#/c' }, { type: ['object', 'null'] }] }) // { anyOf: [{ $ref: '#/c' }, { type: 'null' }] }
 */
export function nullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableRefs)
  if (node === null || typeof node !== 'object') return node
  const o = node as Record<string, unknown>
  const parts = o.allOf
  if (Array.isArray(parts) && parts.length === 2 && Object.keys(o).length === 1) {
    const [ref, nullable] = parts as Record<string, unknown>[]
    const { type, properties, ...meta } = nullable ?? {}
    if (ref?.$ref && !properties && Array.isArray(type) && type.includes('null'))
      return { ...meta, anyOf: [ref, { type: 'null' }] }
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, nullableRefs(v)]))
}

/** The schema module's text as prettier would format it, so that `pnpm format` leaves it unchanged. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(nullableRefs(openApiDocument())), { exportType: false })
  const config = (await prettier.resolveConfig(OUTPUT)) ?? {}
  return prettier.format(HEADER + astToString(ast), { ...config, parser: 'typescript' })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(OUTPUT, await renderApiTypes())
  console.log(`wrote ${OUTPUT}`)
}
