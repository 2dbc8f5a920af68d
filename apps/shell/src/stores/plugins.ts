import { get, type EnabledPlugin } from '@profmon/ui'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { registerPluginRemotes } from '../federation/remotes.ts'

/**
 * The directions enabled for the user's region, fetched again on navigation so that a region
 * admin's switch takes effect without rebuild or restart.
 */
export const usePluginStore = defineStore('profmon.plugins', () => {
  const plugins = ref<EnabledPlugin[]>([])
  const loaded = ref(false)
  let lastFetch = 0

  async function refresh(maxAgeMs = 0): Promise<EnabledPlugin[]> {
    if (loaded.value && Date.now() - lastFetch < maxAgeMs) return plugins.value
    const list = await get('/api/plugins')
    lastFetch = Date.now()
    registerPluginRemotes(list)
    plugins.value = list
    loaded.value = true
    return list
  }

  const byId = (id: string) => plugins.value.find((p) => p.id === id)
  return { plugins, loaded, refresh, byId }
})
