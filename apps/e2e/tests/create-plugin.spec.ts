import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, login } from './fixtures.ts'
import { REPO_ROOT, startServer, type RunningServer } from '../src/server.ts'

/**
 * The plugin authors' front door, end to end: `pnpm create-plugin` writes a plugin outside the
 * workspace, its own build makes the remote, and the server loads it from PLUGINS_DIR — no change
 * to core code, no rebuild of the shell.
 */
const ID = 'teacher-awards'
const INDICATOR = 'teacher_awards.covered_share'
const node = (args: string[], cwd: string) =>
  execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], { cwd, stdio: 'pipe' })

let root: string
let server: RunningServer

test.beforeAll(async () => {
  test.setTimeout(180_000)
  root = await mkdtemp(join(tmpdir(), 'profmon-third-party-'))
  const dir = join(root, 'plugins', ID)
  node(
    ['--experimental-strip-types', 'tooling/create-plugin/src/main.ts', ID, '--dir', dir, '--title', 'Конкурсы'],
    REPO_ROOT,
  )
  // The scaffolder linked node_modules to the checkout's toolchain: the plugin builds with it.
  node([join(dir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], dir)
  server = await startServer({ fixtures: false, pluginsDirs: [join(root, 'plugins')] })
})

test.afterAll(async () => {
  await server?.stop()
  if (root) await rm(root, { recursive: true, force: true })
})

test('a scaffolded plugin loads from PLUGINS_DIR: its view renders and its indicator is in the table', async ({
  browser,
}) => {
  const page = await browser.newPage({ baseURL: server.url })
  await login(page, 'region')

  const installed = (await (await page.request.get('/api/plugins/installed')).json()) as unknown
  expect(JSON.stringify(installed)).toContain(`"${ID}"`)
  const [region] = (await (await page.request.get('/api/org-units')).json()) as { id: number }[]
  const enabled = await page.request.put(`/api/regions/${region!.id}/plugins/${ID}`, { data: { enabled: true } })
  expect(await enabled.json()).toEqual({ plugin: ID, enabled: true })

  // Its federated view, in the shell, under its id.
  await page.goto(`/d/${ID}`)
  await expect(page.locator(`[data-testid=nav] [data-plugin=${ID}]`)).toBeVisible()
  await expect(page.locator(`[data-testid=${ID}-view]`)).toBeVisible()
  await expect(page.getByTestId('error-card')).toHaveCount(0)

  // The generic indicator table lists its share, computed from the demo data its hints describe.
  await page.getByRole('link', { name: 'Показатели', exact: true }).click()
  const row = page.locator(`[data-testid=indicator-table] [data-indicator="${INDICATOR}"]`)
  await expect(row).toContainText('Доля педагогов, охваченных направлением')
  await expect(row.locator('[data-col=value]')).toContainText('%')
})
