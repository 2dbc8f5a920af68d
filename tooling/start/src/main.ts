/**
 * The composition root `pnpm start` runs: the server, and — unless `DEMO=0` — the demo seed for an
 * empty database. It lives in tooling because it wires a tool (the demo generator) into the app;
 * the server itself never imports tooling.
 */
import { PD_DEV_KEY_VARIABLE, PD_KEY_VARIABLE, startServer } from '@profmon/server'
import { seedDemo } from './demo/seed-demo.ts'

const demo = process.env.DEMO !== '0'
// The demo's teacher registry works without a personal-data key: a fixed development key, said
// out loud. Never in production (NODE_ENV=production) and never without the demo.
if (demo && !process.env[PD_KEY_VARIABLE] && process.env.NODE_ENV !== 'production') {
  process.env[PD_DEV_KEY_VARIABLE] = '1'
  process.emitWarning(
    `${PD_KEY_VARIABLE} is not set: the demo encrypts personal data of the teacher registry with a fixed ` +
      `development key. Set ${PD_KEY_VARIABLE} (32 random bytes, base64 or hex) for real data.`,
    'ProfmonWarning',
  )
}

await startServer({ seed: demo ? seedDemo : undefined })
