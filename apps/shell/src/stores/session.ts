import { canWriteSomewhere, type WriteAction } from '@profmon/contract/rules'
import { ApiRequestError, get, post, type Me, type RoleAssignment } from '@profmon/ui'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** The signed-in user (`GET /api/auth/me`); `null` until known or when signed out. */
export const useSessionStore = defineStore('profmon.session', () => {
  const me = ref<Me | null>(null)
  const checked = ref(false)

  async function load(): Promise<Me | null> {
    try {
      me.value = await get('/api/auth/me')
    } catch (e) {
      if (!(e instanceof ApiRequestError) || e.status !== 401) throw e
      me.value = null
    }
    checked.value = true
    return me.value
  }

  async function login(login: string, password: string): Promise<void> {
    me.value = await post('/api/auth/login', { body: { login, password } })
    checked.value = true
  }

  async function logout(): Promise<void> {
    await post('/api/auth/logout').catch(() => undefined)
    me.value = null
  }

  const has = (...roles: RoleAssignment['role'][]) => me.value?.roles.some((r) => roles.includes(r.role)) ?? false
  /** Whether the user's roles allow this kind of write somewhere (the contract's rule). */
  const can = (action: WriteAction) => canWriteSomewhere(me.value?.roles ?? [], action)
  const canManagePlugins = computed(() => can('plugins'))
  const homeUnitId = computed(() => me.value?.roles.find((r) => r.orgUnit)?.orgUnit?.id ?? null)
  return { me, checked, load, login, logout, has, can, canManagePlugins, homeUnitId }
})
