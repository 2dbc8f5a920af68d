import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import pkg from '../package.json' with { type: 'json' }

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Every module a file pulls in at run time (type-only imports are erased, so they do not count). */
function runtimeGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  const source = readFileSync(file, 'utf8')
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
    const spec = m[1]!
    if (spec.startsWith('.')) runtimeGraph(resolve(dirname(file), spec), seen)
    else seen.add(spec)
  }
  return seen
}

describe('side-effect-free subpaths', () => {
  // The shell and plugin views import these rules into small browser chunks: they must not drag in
  // zod's schemas or the formula parser (whose jsep configuration is global).
  for (const sub of ['./levels', './rules', './plugin', './format'] as const) {
    it(`${sub} imports neither zod nor jsep at run time`, () => {
      const entry = resolve(root, (pkg.exports as Record<string, string>)[sub]!)
      const graph = [...runtimeGraph(entry)]
      expect(
        graph.filter((m) => m === 'zod' || m === 'jsep' || m.includes('/schema/') || m.includes('/formula/')),
      ).toEqual([])
    })
  }
})
