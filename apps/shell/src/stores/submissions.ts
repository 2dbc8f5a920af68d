import { api, query } from '@profmon/ui'
import { defineStore } from 'pinia'
import { ref } from 'vue'

/** An org unit's entry state for a period and direction (`GET /api/submissions`). */
export interface Submission {
  orgUnit: number
  state: 'draft' | 'submitted' | 'approved' | 'returned'
  comment: string | null
  updatedAt: string | null
  updatedBy: string | null
}

/** A child unit's state, with its name and how many values it has. */
export interface ChildSubmission extends Submission {
  name: string
  values: number
}

/** A unit's state and its children's (completeness): "3 of 17 have not submitted". */
export interface Completeness {
  self: Submission
  children: ChildSubmission[]
  counts: { total: number; notSubmitted: number }
}

const keyOf = (orgUnit: number, period: string, plugin: string) => `${orgUnit}|${period}|${plugin}`

/**
 * The entry states last fetched, per unit, period and direction: the workflow bar loads them (again
 * after each submit, approve or return), and the municipality's schools grid shows the same states
 * on its rows without a request of its own.
 */
export const useSubmissionsStore = defineStore('profmon.submissions', () => {
  const byKey = ref<Record<string, Completeness>>({})

  async function load(orgUnit: number, period: string, plugin: string): Promise<Completeness> {
    const data = await api<Completeness>('GET', `/api/submissions?${query({ orgUnit, period, plugin })}`)
    byKey.value[keyOf(orgUnit, period, plugin)] = data
    return data
  }

  const get = (orgUnit: number, period: string, plugin: string): Completeness | null =>
    byKey.value[keyOf(orgUnit, period, plugin)] ?? null
  return { load, get }
})
