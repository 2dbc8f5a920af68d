import './styles.css'
export { api, query, onUnauthorized, ApiRequestError } from './api.ts'
export type * from './types.ts'
export { formatValue, change } from './format.ts'
export { uiMessages } from './i18n/messages.ts'
export { useOrgUnitStore } from './stores/org-unit.ts'
export { usePeriodStore } from './stores/period.ts'
export { useDefinitionsStore } from './stores/definitions.ts'
export { useAnalytics } from './composables/use-analytics.ts'
export { default as StatusBadge } from './components/StatusBadge.vue'
export { default as IndicatorValue } from './components/IndicatorValue.vue'
export { default as IndicatorTable } from './components/IndicatorTable.vue'
export { default as ChartBox } from './components/ChartBox.vue'
export { default as ErrorCard } from './components/ErrorCard.vue'
// The kit for plugin views: one naive-ui instance (the shell's), so its theme and locale apply.
export {
  NAlert,
  NButton,
  NCard,
  NDataTable,
  NEmpty,
  NGrid,
  NGridItem,
  NSelect,
  NSpin,
  NStatistic,
  NTag,
  NTooltip,
} from 'naive-ui'
