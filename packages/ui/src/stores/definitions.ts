import type { Indicator } from '@profmon/contract'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { get } from '../api/client.ts'
import type { DimensionDefinition, PluginDefinitions } from '../api/types.ts'

/** Definitions of the active plugins (indicators, data elements, dimensions) from the contract. */
export const useDefinitionsStore = defineStore('profmon.definitions', () => {
  const plugins = ref<PluginDefinitions[]>([])
  const dimensions = ref<DimensionDefinition[]>([])
  let pending: Promise<void> | undefined

  function load(force = false): Promise<void> {
    if (!pending || force)
      pending = get('/api/definitions').then((d) => {
        plugins.value = d.plugins
        dimensions.value = d.dimensions
      })
    return pending
  }

  const indicators = computed(() => {
    const map = new Map<string, Indicator & { plugin: string }>()
    for (const p of plugins.value) for (const i of p.indicators) map.set(i.code, { ...i, plugin: p.id })
    return map
  })
  const dimension = (code: string) => dimensions.value.find((d) => d.code === code)
  return { plugins, dimensions, indicators, dimension, load }
})
