import { canWriteAt, canWriteSomewhere, speaksFor } from '@profmon/contract/rules'
import {
  get,
  post,
  put,
  useDefinitionsStore,
  useOrgUnitStore,
  usePeriodStore,
  type Recommendation,
  type ResponseOf,
} from '@profmon/ui'
import { computed, ref, watch, type Ref } from 'vue'
import { useSessionStore } from '../../stores/session.ts'
import type { RecommendationFilter } from './filters.ts'

/**
 * The recommendations of the current unit and period under a filter, what the signed-in user may
 * do with each (the contract's `recommendations` write rule on the unit that owns it; acknowledging
 * by a data-entry role on the addressed unit itself, as the server checks), and the actions.
 */
export function useRecommendations(filter: Ref<RecommendationFilter>) {
  const units = useOrgUnitStore()
  const periods = usePeriodStore()
  const session = useSessionStore()
  // Indicator titles for the cited codes.
  void useDefinitionsStore().load()
  const items = ref<Recommendation[]>([])
  const loading = ref(false)
  const error = ref('')
  // Owners are the region or a municipality: a handful of paths, looked up once each.
  const ownerPaths = ref(new Map<number, string>())
  const roles = computed(() => session.me?.roles ?? [])

  async function load(): Promise<void> {
    const orgUnit = units.id
    const period = periods.code
    if (orgUnit === null || period === null) return
    loading.value = true
    error.value = ''
    try {
      const { addressee, state, plugin, includeDescendants } = filter.value
      const query = {
        orgUnit,
        period,
        addressee,
        state,
        plugin,
        includeDescendants: includeDescendants ? 'true' : 'false',
      } as const
      const answer = await get('/api/recommendations', { params: { query } })
      if (units.id !== orgUnit || periods.code !== period) return
      await learnOwners(answer.items)
      items.value = answer.items
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  async function learnOwners(list: Recommendation[]): Promise<void> {
    // Someone who writes no recommendations anywhere manages none: nothing to look up.
    if (!canWriteSomewhere(roles.value, 'recommendations')) return
    const known = ownerPaths.value
    for (const u of [...units.ancestors, ...(units.unit ? [units.unit] : [])]) known.set(u.id, u.path)
    const missing = [...new Set(list.map((r) => r.ownerOrgUnit))].filter((id) => !known.has(id))
    // An owner above the user's tree is not theirs to read, and so not theirs to manage.
    const found = await Promise.all(
      missing.map((id) => get('/api/org-units/{id}', { params: { path: { id } } }).catch(() => null)),
    )
    for (const u of found) if (u) known.set(u.id, u.path)
    ownerPaths.value = new Map(known)
  }

  watch(
    () => [units.id, periods.code, JSON.stringify(filter.value)],
    () => void load(),
    { immediate: true },
  )

  /** Whether the user generates and writes recommendations at the current unit. */
  const writesHere = computed(() => !!units.unit && canWriteAt(roles.value, units.unit, 'recommendations'))
  /** Whether the user edits, publishes and withdraws this one: writes recommendations where its owner is. */
  const manages = (r: Recommendation) => {
    const path = ownerPaths.value.get(r.ownerOrgUnit)
    return !!path && canWriteAt(roles.value, { path }, 'recommendations')
  }
  /** Whether the user speaks for the addressed unit: enters its data on that very unit. */
  const acknowledges = (r: Recommendation) => r.state === 'published' && speaksFor(roles.value, r.orgUnit)

  function replace(changed: Recommendation[]): void {
    const byId = new Map(changed.map((r) => [r.id, r]))
    items.value = items.value.map((r) => byId.get(r.id) ?? r)
  }
  const path = (id: number) => ({ params: { path: { id } } })

  return {
    items,
    loading,
    error,
    writesHere,
    manages,
    acknowledges,
    load,
    async generate(): Promise<ResponseOf<'post', '/api/recommendations/generate'>> {
      const result = await post('/api/recommendations/generate', {
        body: { orgUnit: units.id!, period: periods.code! },
      })
      await load()
      return result
    },
    async edit(id: number, text: string) {
      replace([await put('/api/recommendations/{id}', { ...path(id), body: { text } })])
    },
    async publish(ids: number[]) {
      const published =
        ids.length === 1
          ? [await post('/api/recommendations/{id}/publish', path(ids[0]!))]
          : (await post('/api/recommendations/bulk-publish', { body: { ids } })).items
      replace(published)
      return published
    },
    async withdraw(id: number, reason: string) {
      replace([await post('/api/recommendations/{id}/withdraw', { ...path(id), body: { reason } })])
    },
    async acknowledge(id: number) {
      replace([await post('/api/recommendations/{id}/acknowledge', path(id))])
    },
  }
}

export type RecommendationsModel = ReturnType<typeof useRecommendations>
