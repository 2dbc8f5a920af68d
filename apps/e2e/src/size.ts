import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { chromiumLaunch } from './browser.ts'
import { REPO_ROOT, startServer } from './server.ts'

/**
 * `pnpm size`: the JS a browser really downloads, gzip-compressed as a server would send it.
 * - shell: every JS file of the first paint (login page excluded: measured on the home page of a
 *   signed-in user, until the network is idle);
 * - each plugin remote: the files under /plugins/<id>/ that opening its view downloads (shared
 *   libraries come from the shell and are counted there, once);
 * - first indicator view: navigation start → indicator table rendered, in Chromium.
 * Goals from the plugin platform issue: shell ≤ 150 KB, remote ≤ 30 KB, first view < 1 s.
 */
const gz = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

function localFile(pathname: string): string {
  const plugin = /^\/plugins\/([^/]+)\/(.*)$/.exec(pathname)
  if (plugin) return join(REPO_ROOT, 'plugins', plugin[1]!, 'dist', plugin[2]!)
  return join(REPO_ROOT, 'apps/shell/dist', pathname)
}

const server = await startServer({ fixtures: false })
const browser = await chromium.launch(chromiumLaunch)
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto('/login')
  await page.locator('#login').fill('region')
  await page.locator('#password').fill('demo')
  await page.getByRole('button', { name: 'Войти' }).click()
  await page.getByTestId('nav').waitFor()

  const loaded: string[] = []
  page.on('response', (res) => {
    const url = new URL(res.url())
    if (url.pathname.endsWith('.js') && res.status() === 200) loaded.push(url.pathname)
  })
  // First paint of the shell, from an empty cache.
  await context.clearCookies({ name: 'nothing' })
  const fresh = await browser.newContext({ baseURL: server.url, storageState: await context.storageState() })
  const first = await fresh.newPage()
  first.on('response', (res) => {
    const url = new URL(res.url())
    if (url.pathname.endsWith('.js') && res.status() === 200) loaded.push(url.pathname)
  })
  await first.goto('/', { waitUntil: 'networkidle' })
  const shellFiles = [...new Set(loaded)].filter((p) => !p.startsWith('/plugins/'))
  let shellBytes = 0
  for (const f of shellFiles) {
    const bytes = await gz(localFile(f))
    shellBytes += bytes
    if (process.env.SIZE_DETAILS) console.log(`  ${kb(bytes).padStart(9)}  ${f}`)
  }
  console.log(`size/shell first paint: ${kb(shellBytes)} gzip in ${shellFiles.length} files (goal ≤ 150 KB)`)

  // Each remote's own JS: what opening its view downloads from /plugins/<id>/.
  const plugins = (await (await first.request.get('/api/plugins')).json()) as {
    id: string
    remoteEntry: string | null
  }[]
  for (const p of plugins.filter((x) => x.remoteEntry)) {
    loaded.length = 0
    await first.goto(`/d/${p.id}`, { waitUntil: 'networkidle' })
    const own = [...new Set(loaded)].filter((f) => f.startsWith(`/plugins/${p.id}/`))
    let bytes = 0
    for (const f of own) bytes += await gz(localFile(f))
    console.log(`size/remote ${p.id}: ${kb(bytes)} gzip in ${own.length} files (goal ≤ 30 KB)`)
  }

  // Navigation start → indicator table rendered, median of 5 loads.
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    await first.goto('/indicators')
    await first.getByTestId('indicator-table').first().waitFor()
    times.push(await first.evaluate(() => performance.now()))
  }
  times.sort((a, b) => a - b)
  console.log(
    `first indicator view: ${Math.round(times[2]!)} ms from navigation start to the rendered table (goal < 1000 ms)`,
  )
  await fresh.close()
  await context.close()
} finally {
  await browser.close()
  await server.stop()
}
