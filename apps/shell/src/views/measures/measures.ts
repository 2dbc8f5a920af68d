import type { Measure, MeasureStatus } from '@profmon/ui'

export const MEASURE_STATUSES: MeasureStatus[] = ['proposed', 'planned', 'in_progress', 'done', 'cancelled']

/** The colour of a measure's status pill: overdue is red whatever the status says. */
export function statusTone(m: Pick<Measure, 'status' | 'overdue'>): 'good' | 'warn' | 'bad' | 'info' | 'neutral' {
  if (m.overdue) return 'bad'
  return m.status === 'done'
    ? 'good'
    : m.status === 'in_progress'
      ? 'warn'
      : m.status === 'proposed'
        ? 'info'
        : 'neutral'
}

/** The status changes a person may make from a status, in the order buttons show them. */
export function nextStatuses(status: MeasureStatus): { action: string; to: MeasureStatus }[] {
  switch (status) {
    case 'proposed':
      return [
        { action: 'confirm', to: 'planned' },
        { action: 'cancel', to: 'cancelled' },
      ]
    case 'planned':
      return [
        { action: 'start', to: 'in_progress' },
        { action: 'done', to: 'done' },
        { action: 'cancel', to: 'cancelled' },
      ]
    case 'in_progress':
      return [
        { action: 'done', to: 'done' },
        { action: 'cancel', to: 'cancelled' },
      ]
    case 'done':
      return [{ action: 'reopen', to: 'in_progress' }]
    case 'cancelled':
      return [{ action: 'reopen', to: 'planned' }]
  }
}

/** A bar of the timeline: where it starts and how long it is, in percent of the visible span. */
export interface TimelineBar {
  left: number
  width: number
}

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))

/**
 * The span a timeline shows (first start to last due, whole months) and each measure's bar in it,
 * plus where today falls (null outside the span) and the months' ticks.
 *
 * @example
 * const t = timelineOf([{ startsOn: '2025-01-10', dueOn: '2025-03-31' }], '2025-02-01')
 * t.bars[0] // { left: 9.9, width: 88.9 } of January 1 – March 31
 */
export function timelineOf(items: { startsOn: string; dueOn: string }[], today: string) {
  if (!items.length) return { bars: [], today: null, months: [] as { iso: string; left: number }[] }
  const first = items.map((m) => m.startsOn).sort()[0]!
  const last = items
    .map((m) => m.dueOn)
    .sort()
    .at(-1)!
  const from = Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, 1)
  const lastDate = new Date(day(last))
  const to = Date.UTC(lastDate.getUTCFullYear(), lastDate.getUTCMonth() + 1, 1)
  const span = to - from
  const pos = (t: number) => Math.round(((t - from) / span) * 1000) / 10
  const bars: TimelineBar[] = items.map((m) => {
    const left = pos(day(m.startsOn))
    // A one-day measure is still a visible bar.
    const width = Math.max(0.8, pos(day(m.dueOn) + 86_400_000) - left)
    return { left, width: Math.round(width * 10) / 10 }
  })
  const months: { iso: string; left: number }[] = []
  for (let d = new Date(from); d.getTime() < to; d.setUTCMonth(d.getUTCMonth() + 1))
    months.push({ iso: d.toISOString().slice(0, 10), left: pos(d.getTime()) })
  const now = day(today)
  return { bars, today: now >= from && now < to ? pos(now) : null, months }
}
