import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { get } from '../api/client.ts'
import type { Period } from '../api/types.ts'

/** The reporting period being looked at, and the one before it (for year-over-year change). */
export const usePeriodStore = defineStore('profmon.period', () => {
  const periods = ref<Period[]>([])
  const code = ref<string | null>(null)

  async function load(): Promise<Period[]> {
    periods.value = await get('/api/periods')
    if (!code.value || !periods.value.some((p) => p.code === code.value))
      code.value = periods.value.at(-1)?.code ?? null
    return periods.value
  }

  function select(next: string): void {
    if (periods.value.some((p) => p.code === next)) code.value = next
  }

  const current = computed(() => periods.value.find((p) => p.code === code.value) ?? null)
  const previous = computed(() => {
    const i = periods.value.findIndex((p) => p.code === code.value)
    return i > 0 ? periods.value[i - 1]! : null
  })
  return { periods, code, current, previous, load, select }
})
