import type { UnitPath } from '../../access/scope.ts'
import type { WriteAction } from '../../access/roles.ts'

/** The part of a Scope the workflow asks: enough to tell the approving level. */
export interface Editor {
  readonly isPlatformAdmin: boolean
  canWrite(unit: Pick<UnitPath, 'path'>, action: WriteAction): boolean
}

/** `/1/5/123/` → `/1/5/`; a region's parent path is `/`. */
export const parentPath = (path: string) => path.replace(/\d+\/$/, '')

/**
 * Whether the editor is the approving level of a unit: someone who enters data one level above
 * (a coordinator for their schools, a region admin for the municipalities). A region has no level
 * above; only a platform admin approves it.
 *
 * @example
 * isApprover(coordinatorScope, { path: '/1/5/123/' }) // true when the role is held on /1/5/
 */
export function isApprover(editor: Editor | undefined, unit: Pick<UnitPath, 'path'>): boolean {
  if (!editor) return false
  const parent = parentPath(unit.path)
  if (parent === '/') return editor.isPlatformAdmin
  return editor.canWrite({ path: parent }, 'data')
}
