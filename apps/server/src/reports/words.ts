import type { Status } from '@profmon/contract'
import { change, formatDate, formatValue, numberFormat } from '@profmon/contract/format'
import type { Indicator } from '@profmon/contract'

/** How the report words things, as the shell's Russian messages do. */
export const NO_DATA = '—'

export const STATUS_WORDS: Record<Status, string> = {
  met: 'соответствует',
  partly_met: 'частично',
  not_met: 'не соответствует',
  no_data: 'нет данных',
}

export const statusWord = (s: Status | null) => (s ? STATUS_WORDS[s] : 'без цели')

export const ADDRESSEE_GROUPS: Record<string, string> = {
  teachers: 'Педагогам',
  school_leadership: 'Руководству школ',
  methodical_support: 'Методическим службам',
  municipal_authority: 'Муниципальному органу управления образованием',
}

export const MEASURE_STATUS: Record<string, string> = {
  proposed: 'предложено',
  planned: 'запланировано',
  in_progress: 'выполняется',
  done: 'выполнено',
  cancelled: 'отменено',
}

export const DECISION_KINDS: Record<string, string> = {
  order: 'Приказ',
  instruction: 'Распоряжение',
  letter: 'Письмо',
  programme_change: 'Изменение муниципальной программы',
  local_regulation: 'Локальный акт',
  recommendation: 'Методические рекомендации',
}

export const VERDICT_WORDS: Record<'effective' | 'partly' | 'not_effective' | 'no_data', string> = {
  effective: 'эффективно',
  partly: 'частично',
  not_effective: 'неэффективно',
  no_data: 'нет данных',
}

type Def = Pick<Indicator, 'kind' | 'decimals'>

/** A value as the shell shows it: «37,6 %», «12», «да»; «—» when missing, never 0. */
export const value = (v: number | null | undefined, def: Def) => formatValue(v ?? null, def, 'ru')

/** A plain count or number (numerators, denominators, gaps, scores). */
export const num = (v: number | null | undefined, decimals = 1) =>
  v === null || v === undefined ? NO_DATA : numberFormat('ru', decimals).format(v)

/** «+1,2 п.п.» for a share, «−3» for a count; «—» without both values. */
export function delta(current: number | null, previous: number | null, def: Def): string {
  const d = change(current, previous)
  if (d === null) return NO_DATA
  // A yes/no has no amount of change: say what it was.
  if (def.kind === 'presence') return d === 0 ? 'без изменений' : `было: ${previous ? 'да' : 'нет'}`
  const decimals = def.kind === 'count' ? 0 : (def.decimals ?? 1)
  const text = numberFormat('ru', decimals, true).format(d)
  return def.kind === 'share' ? `${text} п.п.` : text
}

export const date = (iso: string | null | undefined) => formatDate(iso, 'long', 'ru', NO_DATA)
export const shortDate = (iso: string | null | undefined) => formatDate(iso, 'short', 'ru', NO_DATA)
export const dateTime = (iso: string | null | undefined) => formatDate(iso, 'datetime', 'ru', NO_DATA)
