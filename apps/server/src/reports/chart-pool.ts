import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type { ChartSpec } from './charts.ts'
import type { Block } from './model.ts'

/** What a chart is drawn as: SVG for the PDF (vectors), a 2× PNG for the DOCX. */
export type ChartFormat = 'svg' | 'png'
export interface ChartTask {
  spec: ChartSpec
  format: ChartFormat
}
type Drawn<F extends ChartFormat> = F extends 'svg' ? string : Uint8Array
type ChartBlock = Extract<Block, { kind: 'chart' }>

/**
 * A chart that takes longer than this is taken for a stuck worker (one takes tens of ms): the
 * task is ended and the report fails with the reason, instead of waiting for ever.
 */
const CHART_TIMEOUT_MS = 60_000

interface ChartPool {
  piscina: Piscina<ChartTask, string | Uint8Array>
  /** Rejects when a worker fails outside a task: the pool is then replaced. */
  broken: Promise<never>
}
let pool: ChartPool | undefined

/**
 * The process's chart workers, made on the first chart: one per core, at most 4 (a report has
 * about 16 charts; more workers would mostly cost memory). Idle workers are unreferenced, so they
 * never keep the process (a test run, the CLI) alive; they stay loaded between reports, as
 * loading ECharts and the rasterizer costs more than drawing a report's charts.
 */
function chartPool(): ChartPool {
  if (pool) return pool
  const threads = Math.min(4, Math.max(1, availableParallelism()))
  const piscina = new Piscina<ChartTask, string | Uint8Array>({
    filename: new URL('./chart-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  })
  let fail: (reason: unknown) => void = () => {}
  const broken = new Promise<never>((_, reject) => (fail = reject))
  broken.catch(() => {})
  // A worker failing outside a task (while loading, most likely) makes the pool start no more
  // workers: the tasks waiting for one would wait for ever. They fail now with the reason, and
  // the next chart gets a new pool. (Without a listener the event would end the process.)
  piscina.on('error', (e: unknown) => {
    fail(e)
    if (pool?.piscina === piscina) pool = undefined
    void piscina.destroy()
  })
  return (pool = { piscina, broken })
}

/**
 * Draws one chart in the worker pool; `signal` cancels it.
 *
 * @example
 * const png = await drawChart({ type: 'bars', categories: ['Школа № 1'], values: [40], target: 50, unit: ' %' }, 'png')
 */
export async function drawChart<F extends ChartFormat>(
  spec: ChartSpec,
  format: F,
  signal?: AbortSignal,
): Promise<Drawn<F>> {
  const { piscina, broken } = chartPool()
  const timeout = AbortSignal.timeout(CHART_TIMEOUT_MS)
  try {
    const task = piscina.run({ spec, format }, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout })
    return (await Promise.race([task, broken])) as Drawn<F>
  } catch (e) {
    if (timeout.aborted) throw new Error(`no chart worker drew it within ${CHART_TIMEOUT_MS / 1000} s`, { cause: e })
    throw e
  }
}

/**
 * The charts of one report, drawn in the pool while the report is still being built: each
 * section's charts are started as soon as the section's blocks exist, so drawing them overlaps
 * the next sections' queries. A chart that cannot be drawn fails the report with its caption.
 *
 * @example
 * const charts = new ReportCharts('png')
 * charts.start(await section.build(ctx)) // …for each section
 * const pngs = await charts.drawn(model.blocks)
 */
export class ReportCharts<F extends ChartFormat> {
  readonly #started = new Map<ChartBlock, Promise<Drawn<F>>>()
  readonly #abort = new AbortController()
  readonly format: F

  constructor(format: F) {
    this.format = format
  }

  /** Starts drawing the charts among `blocks` not started yet. */
  start(blocks: readonly Block[]): void {
    for (const b of blocks) {
      if (b.kind !== 'chart' || this.#started.has(b)) continue
      const drawing = drawChart(b.chart, this.format, this.#abort.signal).catch((e: unknown) => {
        throw new Error(`the chart «${b.caption}» could not be drawn: ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        })
      })
      // Awaited in `drawn`; until then a failure must not count as an unhandled rejection.
      drawing.catch(() => {})
      this.#started.set(b, drawing)
    }
  }

  /** Every chart among `blocks`, drawn (those not started yet are started now). */
  async drawn(blocks: readonly Block[]): Promise<Map<Block, Drawn<F>>> {
    this.start(blocks)
    const charts = blocks.filter((b): b is ChartBlock => b.kind === 'chart')
    const drawn = await Promise.all(charts.map((b) => this.#started.get(b)!))
    return new Map(charts.map((b, i) => [b, drawn[i]!]))
  }

  /** Stops the charts still being drawn: the report they were for failed. */
  cancel(): void {
    this.#abort.abort(new Error('the report failed'))
  }
}
