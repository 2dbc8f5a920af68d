import { get as request, type Completeness } from '@profmon/ui'
import { defineStore } from 'pinia'
import { ref } from 'vue'

const keyOf = (orgUnit: number, period: string, plugin: string) => `${orgUnit}|${period}|${plugin}`

/**
 * The entry states last fetched, per unit, period and direction: the workflow bar loads them (again
 * after each submit, approve or return), and the municipality's schools grid shows the same states
 * on its rows without a request of its own.
 */
export const useSubmissionsStore = defineStore('profmon.submissions', () => {
  const byKey = ref<Record<string, Completeness>>({})

  async function load(orgUnit: number, period: string, plugin: string): Promise<Completeness> {
    const data = await request('/api/submissions', { params: { query: { orgUnit, period, plugin } } })
    byKey.value[keyOf(orgUnit, period, plugin)] = data
    return data
  }

  const get = (orgUnit: number, period: string, plugin: string): Completeness | null =>
    byKey.value[keyOf(orgUnit, period, plugin)] ?? null
  return { load, get }
})
