/**
 * The org tree's levels and paths: the one copy that the server, the XLSX import, the shell and
 * the plugin views share. No imports, no side effects: safe in a browser chunk or a Vite config.
 */

/**
 * Levels of the org tree at which data is entered or an indicator is meaningful, root first.
 *
 * @example
 * ORG_LEVELS[0] // 'region'
 */
export const ORG_LEVELS = ['region', 'municipality', 'organization'] as const

/**
 * One level of the org tree.
 *
 * @example
 * const level: OrgLevel = 'municipality'
 */
export type OrgLevel = (typeof ORG_LEVELS)[number]

/**
 * Depth of each level in the org tree (the region is the root, depth 1).
 *
 * @example
 * ORG_LEVEL_DEPTH.municipality // 2
 */
export const ORG_LEVEL_DEPTH: Readonly<Record<OrgLevel, number>> = {
  region: 1,
  municipality: 2,
  organization: 3,
}

/**
 * The level at a depth of the tree, or undefined below the organisations.
 *
 * @example
 * levelAtDepth(3) // 'organization'
 */
export function levelAtDepth(depth: number): OrgLevel | undefined {
  return ORG_LEVELS[depth - 1]
}

/**
 * Whether a unit lies in the subtree of another, by materialized path (paths end with a slash,
 * so `/1/50/` is not inside `/1/5/`).
 *
 * @example
 * inSubtree({ path: '/1/5/123/' }, { path: '/1/5/' }) // true
 */
export function inSubtree(unit: { path: string }, root: { path: string }): boolean {
  return unit.path.startsWith(root.path)
}

/**
 * The path of a unit's parent; a region's parent path is `/`.
 *
 * @example
 * parentPath('/1/5/123/') // '/1/5/'
 */
export function parentPath(path: string): string {
  return path.replace(/\d+\/$/, '')
}
