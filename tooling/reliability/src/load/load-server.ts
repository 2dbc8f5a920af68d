/**
 * The server as `pnpm start` runs it (demo region included), plus the load test's users: the
 * seed hook adds them after the demo region and writes their sessions to `LOAD_PLAN_FILE`.
 */
import { startServer } from '@profmon/server'
import { seedDemo } from '@profmon/start'
import { seedLoadPlan } from './plan.ts'

const file = process.env.LOAD_PLAN_FILE
if (!file) throw new Error('LOAD_PLAN_FILE must name the file the load plan is written to')

await startServer({
  seed: async (ctx) => {
    await seedDemo(ctx)
    await seedLoadPlan(ctx.handle.db, file)
  },
})
