import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { useOrgUnitStore, usePeriodStore } from '@profmon/ui'
import { useSessionStore } from './stores/session.ts'
import { usePluginStore } from './stores/plugins.ts'
import HomeView from './views/HomeView.vue'

/**
 * Routes of the shell. Plugin views live under `/d/<plugin-id>/…` and are resolved at runtime;
 * the current org unit and period travel in the query (`?unit=5&period=2024-25`) so that a link
 * shows the same picture to its reader.
 */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/indicators', name: 'indicators', component: () => import('./views/IndicatorsView.vue') },
    { path: '/entry', name: 'entry', component: () => import('./views/EntryView.vue') },
    { path: '/goals', name: 'goals', component: () => import('./views/goals/GoalsView.vue') },
    { path: '/analysis', name: 'analysis', component: () => import('./views/analysis/AnalysisView.vue') },
    {
      path: '/local-indicators',
      name: 'local-indicators',
      component: () => import('./views/LocalIndicatorsView.vue'),
    },
    { path: '/d/:plugin/:rest(.*)*', name: 'plugin', component: () => import('./views/PluginView.vue') },
    {
      path: '/recommendations',
      name: 'recommendations',
      component: () => import('./views/recommendations/RecommendationsView.vue'),
    },
    {
      path: '/recommendations/print',
      name: 'recommendations-print',
      component: () => import('./views/recommendations/RecommendationsPrintView.vue'),
    },
    { path: '/teachers', name: 'teachers', component: () => import('./views/teachers/TeachersView.vue') },
    { path: '/teachers/:id(\\d+)', name: 'teacher', component: () => import('./views/teachers/TeacherView.vue') },
    {
      path: '/teachers/:id(\\d+)/iom/:event(\\d+)/print',
      name: 'teacher-iom-print',
      component: () => import('./views/teachers/IomPrintView.vue'),
    },
    { path: '/measures', name: 'measures', component: () => import('./views/measures/MeasuresView.vue') },
    { path: '/decisions', name: 'decisions', component: () => import('./views/decisions/DecisionsView.vue') },
    {
      path: '/effectiveness',
      name: 'effectiveness',
      component: () => import('./views/effectiveness/EffectivenessView.vue'),
    },
    { path: '/cycle', name: 'cycle', component: () => import('./views/cycle/CycleView.vue') },
    { path: '/reports', name: 'reports', component: () => import('./views/reports/ReportsView.vue') },
    { path: '/admin/plugins', name: 'admin-plugins', component: () => import('./views/AdminPluginsView.vue') },
    { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue') },
    { path: '/account', name: 'account', component: () => import('./views/AccountView.vue') },
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
    { path: '/:missing(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
})

async function applyContext(to: RouteLocationNormalized): Promise<void> {
  const units = useOrgUnitStore()
  const periods = usePeriodStore()
  const session = useSessionStore()
  if (!periods.periods.length) await periods.load()
  if (typeof to.query.period === 'string') periods.select(to.query.period)
  const requested = Number(to.query.unit)
  if (Number.isInteger(requested) && requested > 0) {
    await units.select(requested).catch(() => undefined)
  }
  if (!units.unit) {
    const roots = units.roots.length ? units.roots : await units.loadRoots()
    const home = session.homeUnitId ?? roots[0]?.id
    if (home) await units.select(home)
  }
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.checked) await session.load()
  if (to.meta.public) return true
  if (!session.me) return { name: 'login', query: { next: to.fullPath } }
  // Each navigation asks the server again which directions are on: no rebuild, no restart.
  await Promise.all([usePluginStore().refresh(), applyContext(to)])
  return true
})
