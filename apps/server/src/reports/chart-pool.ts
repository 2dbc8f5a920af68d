import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { AnswerCache } from '../analytics/answer-cache.ts'
import type { ChartSpec } from './charts.ts'
import type { Block } from './model.ts'

/** What a chart is drawn as: SVG for the PDF (vectors), a 2× PNG for the DOCX. */
export type ChartFormat = 'svg' | 'png'

/** Charts drawn one after the other by one worker: the charts of one section of a report. */
export interface ChartTask {
  charts: { caption: string; spec: ChartSpec }[]
  format: ChartFormat
}
type Drawn<F extends ChartFormat> = F extends 'svg' ? string : Uint8Array
type ChartBlock = Extract<Block, { kind: 'chart' }>

/**
 * A task that takes longer than this is taken for a stuck worker (a chart takes tens of ms): the
 * pool is replaced and its tasks fail with the reason, instead of waiting for ever.
 */
const CHART_TIMEOUT_MS = 60_000

interface ChartPool {
  piscina: Piscina<ChartTask, (string | Uint8Array)[]>
  /** Rejects once the pool is broken: every task waiting on it fails with the reason. */
  broken: Promise<never>
  fail(reason: Error): void
}
let pool: ChartPool | undefined

/**
 * The process's chart workers, made on the first chart: one per core, at most 4 (a report has
 * about 16 charts). Idle workers are unreferenced, so they never keep the process (a test run,
 * the CLI) alive; they stay loaded between reports, as loading ECharts and the rasterizer costs
 * more than drawing a report's charts.
 */
function chartPool(): ChartPool {
  if (pool) return pool
  const threads = Math.min(4, Math.max(1, availableParallelism()))
  const piscina = new Piscina<ChartTask, (string | Uint8Array)[]>({
    filename: new URL('./chart-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Every task goes to a worker at once, to wait in that worker's queue, not in the pool's: the
    // pool hands out queued tasks only when the main thread gets back to its event loop, which
    // on the embedded database (queries that never leave the microtask queue) may be only once
    // the whole model is built, the workers idle meanwhile.
    concurrentTasksPerWorker: 64,
  })
  let reject: (reason: Error) => void = () => {}
  const broken = new Promise<never>((_, r) => (reject = r))
  broken.catch(() => {})
  const current: ChartPool = {
    piscina,
    broken,
    fail(reason) {
      reject(reason)
      if (pool === current) pool = undefined
      void piscina.destroy()
    },
  }
  // A worker failing outside a task (while loading, most likely) makes the pool start no more
  // workers: the tasks waiting for one would wait for ever. (Without a listener the event would
  // end the process.)
  piscina.on('error', (e: unknown) => current.fail(e instanceof Error ? e : new Error(String(e))))
  return (pool = current)
}

/**
 * Charts drawn before, by format and spec. A chart is a pure function of its spec (data, labels,
 * target), so a kept one can never be stale: a report ordered again, or in the other format's
 * sibling DOCX, reuses the charts whose figures did not change, and the workers draw only the
 * rest. At most 256 charts and 48 MB per process (a 2× PNG of 60 bars is about 200 KB).
 */
const drawnCharts = new AnswerCache<string | Uint8Array>(
  (chart) => (typeof chart === 'string' ? chart.length * 2 : chart.byteLength),
  256,
  48 * 1024 * 1024,
)
const chartKey = (format: ChartFormat, spec: ChartSpec) => `${format}:${JSON.stringify(spec)}`

/**
 * Forgets every chart drawn before, so the next report draws all of its charts: what the bench
 * measures as a report's first run.
 *
 * @example
 * forgetDrawnCharts()
 */
export function forgetDrawnCharts(): void {
  drawnCharts.clear()
}

/** Draws charts one after the other in one worker, each as `format`; fails naming the charts. */
async function drawCharts<F extends ChartFormat>(charts: ChartBlock[], format: F): Promise<Drawn<F>[]> {
  const p = chartPool()
  const timer = setTimeout(
    () => p.fail(new Error(`no chart worker finished its charts within ${CHART_TIMEOUT_MS / 1000} s`)),
    CHART_TIMEOUT_MS,
  )
  timer.unref()
  try {
    const task = p.piscina.run({ charts: charts.map((b) => ({ caption: b.caption, spec: b.chart })), format })
    return (await Promise.race([task, p.broken])) as Drawn<F>[]
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    // The worker names the chart that threw; a worker that died or never loaded fails them all.
    if (reason.startsWith('the chart «')) throw e
    const names = charts.map((b) => `«${b.caption}»`).join(', ')
    throw new Error(`the chart${charts.length > 1 ? 's' : ''} ${names} could not be drawn: ${reason}`, { cause: e })
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The charts of one report, drawn in the worker pool while the report is still being built:
 * each section's charts are handed to a worker as soon as the section's blocks exist, so drawing
 * them overlaps the next sections' queries. A chart that cannot be drawn fails the report.
 *
 * @example
 * const charts = new ReportCharts('png')
 * charts.start(await section.build(ctx)) // …for each section
 * const pngs = await charts.drawn(model.blocks)
 */
export class ReportCharts<F extends ChartFormat> {
  readonly #started = new Map<ChartBlock, Promise<Drawn<F>>>()
  readonly format: F

  constructor(format: F) {
    this.format = format
  }

  /** Starts drawing the charts among `blocks` not started yet (and not drawn before), as one task. */
  start(blocks: readonly Block[]): void {
    const charts: ChartBlock[] = []
    for (const b of blocks) {
      if (b.kind !== 'chart' || this.#started.has(b)) continue
      const kept = drawnCharts.get(chartKey(this.format, b.chart))
      if (kept === undefined) charts.push(b)
      else this.#started.set(b, Promise.resolve(kept as Drawn<F>))
    }
    if (!charts.length) return
    const drawing = drawCharts(charts, this.format)
    charts.forEach((b, i) => {
      const one = drawing.then((drawn) => drawnCharts.set(chartKey(this.format, b.chart), drawn[i]!) as Drawn<F>)
      // Awaited in `drawing`/`drawn`; until then a failure must not count as an unhandled rejection.
      one.catch(() => {})
      this.#started.set(b, one)
    })
  }

  /** The chart of a block started before. */
  drawing(block: ChartBlock): Promise<Drawn<F>> {
    const drawing = this.#started.get(block)
    if (!drawing) throw new Error(`the chart «${block.caption}» was never started`)
    return drawing
  }

  /** Every chart among `blocks`, drawn (those not started yet are started now). */
  async drawn(blocks: readonly Block[]): Promise<Map<Block, Drawn<F>>> {
    this.start(blocks)
    const charts = blocks.filter((b): b is ChartBlock => b.kind === 'chart')
    const drawn = await Promise.all(charts.map((b) => this.drawing(b)))
    return new Map(charts.map((b, i) => [b, drawn[i]!]))
  }
}
