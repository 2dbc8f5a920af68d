import { speaksFor } from '@profmon/contract/rules'
import { ORG_LEVEL_DEPTH, inSubtree } from '@profmon/contract/levels'
import { sql, type Expression, type SqlBool } from '@profmon/db'
import type { Scope } from '../access/scope.ts'

/** What deciding who sees a recommendation needs: where it is addressed, who owns it, its state. */
export interface RecommendationPlace {
  orgUnit: { id: number; path: string }
  owner: { path: string }
  state: string
  publishedAt: Date | string | null
}

const SCHOOL_DEPTH = ORG_LEVEL_DEPTH.organization

/**
 * Who sees a recommendation: a school's users only what was published to their school (published
 * or acknowledged); a municipality or the region whatever is addressed inside their subtree once
 * published, and drafts only when generated or written there (the owner is in their subtree).
 * Nobody sees a sibling's.
 */
export function canSee(scope: Scope, r: RecommendationPlace): boolean {
  if (scope.isPlatformAdmin) return true
  return scope.user.roles.some((role) => {
    const unit = role.orgUnit
    if (!unit) return false
    if (unit.level >= SCHOOL_DEPTH)
      return r.orgUnit.id === unit.id && (r.state === 'published' || r.state === 'acknowledged')
    return inSubtree(r.orgUnit, unit) && (inSubtree(r.owner, unit) || r.publishedAt !== null)
  })
}

/**
 * The same rule as SQL over `recommendation as r`, `org_unit as o` (addressed) and `org_unit as w` (owner).
 *
 * @example
 * db.selectFrom('recommendation as r').innerJoin('org_unit as o', …).innerJoin('org_unit as w', …).where(visibleTo(scope))
 */
export function visibleTo(scope: Scope): Expression<SqlBool> {
  if (scope.isPlatformAdmin) return sql<SqlBool>`true`
  const parts = scope.user.roles.flatMap((role) => {
    const unit = role.orgUnit
    if (!unit) return []
    if (unit.level >= SCHOOL_DEPTH)
      return [sql`(r.org_unit_id = ${unit.id} and r.state in ('published', 'acknowledged'))`]
    const prefix = `${unit.path}%`
    return [sql`(o.path like ${prefix} and (w.path like ${prefix} or r.published_at is not null))`]
  })
  if (!parts.length) return sql<SqlBool>`false`
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`
}

/** Whether the caller may edit, publish or withdraw it: writes recommendations where its owner is. */
export function canManage(scope: Scope, r: Pick<RecommendationPlace, 'owner'>): boolean {
  return scope.canWrite(r.owner, 'recommendations')
}

/**
 * Whether the caller speaks for the addressed unit: holds a data-entry role on that very unit (an
 * analyst reads, never acknowledges; the level above does not acknowledge for it).
 */
export function canAcknowledge(scope: Scope, r: Pick<RecommendationPlace, 'orgUnit'>): boolean {
  return speaksFor(scope.user.roles, r.orgUnit.id)
}
