/**
 * The org units data is generated for, by depth (1 region, 2 municipalities, 3 organisations),
 * each with the index of its parent one level up. Indexes, not ids, key the random draws.
 */
export interface UnitTree {
  /** `ids[depth][index]`: the org unit id; `ids[0]` is unused. */
  ids: number[][]
  /** `parent[depth][index]`: the parent's index at `depth - 1` (`-1` for the region). */
  parent: number[][]
  /** `kinds[depth][index]`: the org unit's kind (`school`, `kindergarten`…); absent in hand-made trees. */
  kinds?: string[][]
}

/** The index of the ancestor at `toDepth` of unit `index` at `depth` (itself when equal). */
export function ancestorIndex(tree: UnitTree, depth: number, index: number, toDepth: number): number {
  let i = index
  for (let d = depth; d > toDepth; d--) i = tree.parent[d]![i]!
  return i
}
