import { writeFile } from 'node:fs/promises'
import { startServer } from './src/server.ts'

/** One server with the demo region for the whole run; workers read its URL from the environment. */
export default async function globalSetup() {
  const server = await startServer()
  process.env.E2E_BASE_URL = server.url
  await writeFile(new URL('./.server-url', import.meta.url), server.url)
  return async () => server.stop()
}
