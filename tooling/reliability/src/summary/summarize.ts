import type { ReliabilityRecord } from './record.ts'

const n = (x: number) => x.toLocaleString('en-US')

/**
 * The closing block of `pnpm test:reliability` from the records its tests wrote; `clean` is false
 * when a load run saw a server error or a lost write (the tests themselves fail then too).
 */
export function summarize(records: ReliabilityRecord[]): { text: string; clean: boolean } {
  const loads = records.filter((r) => r.kind === 'load')
  const faults = records.filter((r) => r.kind === 'fault')
  const hostile = records.filter((r) => r.kind === 'hostile')
  const out: string[] = ['', '=== profmon reliability summary ===']
  if (!loads.length) out.push('requests served: no load run recorded')
  for (const l of loads)
    out.push(
      `requests served (${l.engine}): ${n(l.requests)} by ${l.users} signed-in users in ${l.seconds} s (${l.perSecond}/s); server RSS peak ${l.peakRssMb ?? '?'} MB`,
    )
  const groups = [...new Set(loads.flatMap((l) => Object.keys(l.p99)))].sort()
  if (groups.length) {
    out.push(`p99 per route group, ms: ${loads.map((l) => l.engine).join(' | ')}`)
    for (const g of groups)
      out.push(`  ${g.padEnd(28)} ${loads.map((l) => String(l.p99[g] ?? '-').padStart(9)).join(' | ')}`)
  }
  const serverErrors = loads.reduce((s, l) => s + l.serverErrors, 0)
  const lostWrites = loads.reduce((s, l) => s + l.lostWrites, 0)
  out.push(`server errors (5xx): ${loads.length ? serverErrors : 'n/a'}`)
  out.push(`lost writes: ${loads.length ? lostWrites : 'n/a'}`)
  out.push(`faults injected and survived: ${faults.filter((f) => f.survived).length} of ${faults.length}`)
  for (const f of faults) out.push(`  ${f.survived ? 'survived' : 'FAILED  '} [${f.engine}] ${f.name}`)
  const families = new Map<string, { tried: number; crashes: number }>()
  for (const h of hostile) {
    const f = families.get(h.family) ?? { tried: 0, crashes: 0 }
    f.tried += h.tried
    f.crashes += h.crashes
    families.set(h.family, f)
  }
  const crashes = [...families.values()].reduce((s, f) => s + f.crashes, 0)
  out.push(
    `hostile inputs tried: ${n([...families.values()].reduce((s, f) => s + f.tried, 0))} in ${families.size} families, ${crashes} crashes`,
  )
  for (const [family, f] of [...families].sort(([a], [b]) => a.localeCompare(b)))
    out.push(`  ${n(f.tried).padStart(7)}  ${family}${f.crashes ? ` — ${f.crashes} CRASHES` : ''}`)
  out.push('===================================')
  return {
    text: out.join('\n'),
    clean: serverErrors === 0 && lostWrites === 0 && crashes === 0 && faults.every((f) => f.survived),
  }
}
