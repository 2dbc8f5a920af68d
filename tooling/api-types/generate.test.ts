import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { simplifyRefs, OUTPUT, renderApiTypes } from './generate.ts'

describe('packages/ui/src/api/schema.ts', () => {
  it('is what the route schemas generate today (run `pnpm gen:api` after changing a route schema)', async () => {
    const expected = await renderApiTypes()
    const actual = await readFile(OUTPUT, 'utf8').catch(() => '(missing)')
    expect(actual, 'packages/ui/src/api/schema.ts is out of date with the route schemas: run `pnpm gen:api`').toBe(
      expected,
    )
    // Building the whole app's OpenAPI document takes a few seconds on a busy machine.
  }, 60_000)

  it('reads a nullable reference as "the component or null"', () => {
    const doc = { owner: { allOf: [{ $ref: '#/o' }, { type: ['object', 'null'], description: 'who' }] } }
    expect(simplifyRefs(doc)).toEqual({ owner: { description: 'who', anyOf: [{ $ref: '#/o' }, { type: 'null' }] } })
  })

  it('reads a described reference as the component', () => {
    const doc = { definition: { allOf: [{ $ref: '#/i' }, { description: 'the newest revision' }] } }
    expect(simplifyRefs(doc)).toEqual({ definition: { description: 'the newest revision', $ref: '#/i' } })
  })

  it('leaves an intersection of two objects alone', () => {
    const both = { allOf: [{ $ref: '#/a' }, { type: 'object', properties: { b: { type: 'string' } } }] }
    expect(simplifyRefs(both)).toEqual(both)
  })
})
