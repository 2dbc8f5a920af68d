import { generateRegion } from '@profmon/generator'
import { hasNoUsers, type SeedHook } from '@profmon/server'
import { attachDemoEvidence } from './demo-documents.ts'
import { seedDemoRegistry } from './demo-registry.ts'
import { createDemoUsers, DEMO_PASSWORD } from './demo-users.ts'

/**
 * The demo seed `pnpm start` passes to the server: on an empty database, the demo region
 * «Демонстрационный край» (12 municipalities, 200 organisations, three periods of generated
 * values), placeholder evidence documents, a teacher registry of about 300 people with their
 * events, and one user per role when there are no users yet.
 *
 * @example
 * await startServer({ seed: seedDemo })
 */
export const seedDemo: SeedHook = async ({ handle, catalog, log }) => {
  log.info('empty database: creating the demo region')
  // The latest period stays open for entry for three months from today: a demo to try, not a
  // closed archive (the seed-004 deadline of 20 January may have passed).
  const openLatestUntil = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
  const r = await generateRegion(handle, { municipalities: 12, organizations: 200, openLatestUntil })
  log.info(
    r,
    `demo region ready: ${r.municipalities} municipalities, ${r.organizations} organisations, ${r.values} values`,
  )
  log.info(`demo evidence: ${await attachDemoEvidence(handle.db, catalog, r.regionId)} documents`)
  const registry = await seedDemoRegistry(handle.db, r.regionId)
  if ('skipped' in registry) log.warn(`demo teacher registry skipped: ${registry.skipped}`)
  else log.info(`demo teacher registry: ${registry.people} people, ${registry.events} events`)
  if (await hasNoUsers(handle.db)) {
    const users = await createDemoUsers(handle.db, r.regionId)
    log.info(`demo users (password "${DEMO_PASSWORD}"): ${users.map((u) => u.login).join(', ')}`)
  }
}
