/**
 * The composition root `pnpm start` runs: the server, and — unless `DEMO=0` — the demo seed for an
 * empty database. It lives in tooling because it wires a tool (the demo generator) into the app;
 * the server itself never imports tooling.
 */
import { startServer } from '@profmon/server'
import { seedDemo } from './demo/seed-demo.ts'

await startServer({ seed: process.env.DEMO === '0' ? undefined : seedDemo })
