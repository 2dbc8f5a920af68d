import { describe, expect, it } from 'vitest'
import { nextStatuses, statusTone, timelineOf } from './measures.ts'

describe('measures in the shell', () => {
  it('paints overdue red whatever the status, and offers the moves the server allows', () => {
    expect(statusTone({ status: 'planned', overdue: true })).toBe('bad')
    expect(statusTone({ status: 'done', overdue: false })).toBe('good')
    expect(statusTone({ status: 'proposed', overdue: false })).toBe('info')
    expect(nextStatuses('done')).toEqual([{ action: 'reopen', to: 'in_progress' }])
    expect(nextStatuses('proposed').map((s) => s.to)).toEqual(['planned', 'cancelled'])
  })

  it('lays bars on whole months from the first start to the last due date', () => {
    const t = timelineOf(
      [
        { startsOn: '2025-01-01', dueOn: '2025-01-31' },
        { startsOn: '2025-02-15', dueOn: '2025-03-31' },
      ],
      '2025-02-01',
    )
    // January 1 – April 1: 90 days.
    expect(t.bars[0]).toEqual({ left: 0, width: 34.4 })
    expect(t.bars[1]!.left).toBe(50)
    expect(t.bars[1]!.left + t.bars[1]!.width).toBeCloseTo(100, 0)
    expect(t.months.map((m) => m.iso)).toEqual(['2025-01-01', '2025-02-01', '2025-03-01'])
    expect(t.today).toBe(34.4)
    expect(timelineOf([{ startsOn: '2025-01-01', dueOn: '2025-01-01' }], '2026-01-01').today).toBeNull()
    expect(timelineOf([], '2025-01-01').bars).toEqual([])
  })
})
