import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { get } from '../api/client.ts'
import type { OrgUnit } from '../api/types.ts'

/**
 * The org unit the user is looking at, with its ancestors (breadcrumbs). Shared by the shell
 * and every plugin view: a plugin reads `unit` and reacts when it changes.
 */
export const useOrgUnitStore = defineStore('profmon.orgUnit', () => {
  const unit = ref<OrgUnit | null>(null)
  const ancestors = ref<OrgUnit[]>([])
  const roots = ref<OrgUnit[]>([])
  const loading = ref(false)

  async function loadRoots(): Promise<OrgUnit[]> {
    roots.value = await get('/api/org-units')
    return roots.value
  }

  async function select(id: number): Promise<void> {
    if (unit.value?.id === id) return
    loading.value = true
    try {
      const found = await get('/api/org-units/{id}', { params: { path: { id } } })
      const { ancestors: up, ...self } = found
      unit.value = self
      ancestors.value = up
    } finally {
      loading.value = false
    }
  }

  function children(id: number): Promise<OrgUnit[]> {
    return get('/api/org-units/{id}/children', { params: { path: { id } } })
  }

  const id = computed(() => unit.value?.id ?? null)
  return { unit, ancestors, roots, loading, id, loadRoots, select, children }
})
