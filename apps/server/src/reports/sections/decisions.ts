import { listDecisions, type DecisionView } from '../../decisions/decisions.ts'
import { measuresWithIds } from '../../measures/measures.ts'
import type { ReportContext } from '../context.ts'
import { heading, paragraph, table } from '../model.ts'
import { DECISION_KINDS, shortDate } from '../words.ts'
import type { DirectionPart } from './section.ts'

const cache = new WeakMap<ReportContext, Promise<{ decision: DecisionView; plugins: Set<string> }[]>>()

/** The unit's decisions of the period with the directions their measures and indicators belong to, once per report. */
function decisionsOf(ctx: ReportContext) {
  let found = cache.get(ctx)
  if (!found) {
    found = (async () => {
      const decisions = await listDecisions(ctx.db, ctx.scope, { orgUnit: ctx.unit.id, period: ctx.period.code })
      const measures = await measuresWithIds(ctx.db, [...new Set(decisions.flatMap((d) => d.measures))])
      const pluginOf = new Map(ctx.directions.flatMap((d) => d.indicators.map((i) => [i.code, d.id] as const)))
      return decisions.map((decision) => ({
        decision,
        plugins: new Set(
          [
            ...measures.filter((m) => decision.measures.includes(m.id)).map((m) => m.plugin),
            ...decision.indicators.map((code) => pluginOf.get(code) ?? null),
          ].filter((p): p is string => p !== null),
        ),
      }))
    })()
    cache.set(ctx, found)
  }
  return found
}

/** The management decisions concerning the direction: through their measures or their indicators. */
export const decisionsPart: DirectionPart = {
  id: 'decisions',
  async build(ctx, direction) {
    const decisions = (await decisionsOf(ctx)).filter((d) => d.plugins.has(direction.id)).map((d) => d.decision)
    if (!decisions.length)
      return [heading(2, 'Управленческие решения'), paragraph('Решений не зарегистрировано.', true)]
    return [
      heading(2, 'Управленческие решения'),
      table(
        [
          { title: 'Вид', width: 2 },
          { title: 'Номер и дата', width: 2.2 },
          { title: 'Название', width: 5 },
          { title: 'Кем принято', width: 2.5 },
        ],
        decisions.map((d) => [DECISION_KINDS[d.kind]!, `№ ${d.number} от ${shortDate(d.date)}`, d.title, d.issuer]),
      ),
    ]
  },
}
