import { ref, watch, type Ref } from 'vue'
import { useOrgUnitStore } from '../stores/org-unit.ts'
import type { OrgUnit } from '../api/types.ts'

/**
 * The children of the current org unit, fetched again whenever the unit changes — what a view
 * needs for "by child unit" tables and charts.
 *
 * @example
 * const children = useChildren()
 * const names = computed(() => children.value.map((c) => c.shortName ?? c.name))
 */
export function useChildren(): Ref<OrgUnit[]> {
  const units = useOrgUnitStore()
  const children = ref<OrgUnit[]>([])
  watch(
    () => units.id,
    async (id) => {
      const next = id === null ? [] : await units.children(id)
      // A later unit may have been chosen while this answer was on its way.
      if (units.id === id) children.value = next
    },
    { immediate: true },
  )
  return children
}
