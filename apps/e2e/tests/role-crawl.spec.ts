import type { Page } from '@playwright/test'
import { test, expect, login } from './fixtures.ts'

type Unit = { id: number; name: string; childCount: number }

/** Pages per role: the navigation and what its pages link to, in the order found. */
const MAX_PAGES = 25

/**
 * The names of the units a user must never see: every municipality but their own and, for a
 * school, the other schools of its municipality. A name that is part of one of the user's own
 * units' names (or the other way round) is left out, so «СОШ № 1» is not found in «СОШ № 12».
 */
async function foreignNames(page: Page, own: { municipality: number; school?: number }): Promise<string[]> {
  const [region] = (await (await page.request.get('/api/org-units')).json()) as Unit[]
  const municipalities = (await (await page.request.get(`/api/org-units/${region!.id}/children`)).json()) as Unit[]
  const schools = (await (await page.request.get(`/api/org-units/${own.municipality}/children`)).json()) as Unit[]
  const mine = [
    region!.name,
    ...municipalities.filter((m) => m.id === own.municipality).map((m) => m.name),
    ...(own.school ? schools.filter((s) => s.id === own.school).map((s) => s.name) : schools.map((s) => s.name)),
  ]
  const foreign = [
    ...municipalities.filter((m) => m.id !== own.municipality).map((m) => m.name),
    ...(own.school ? schools.filter((s) => s.id !== own.school).map((s) => s.name) : []),
  ]
  return foreign.filter((f) => !mine.some((m) => m.includes(f) || f.includes(m)))
}

/**
 * Signs in as the user, follows every link the shell offers (the navigation, then the links on
 * the pages it opens, up to {@link MAX_PAGES}) and checks neither the pages' text nor any API
 * answer they received names a foreign unit.
 */
async function crawl(page: Page, foreign: readonly string[]): Promise<string[]> {
  const leaks: string[] = []
  // API calls in flight: a page is read once they have settled (what `networkidle` waits for,
  // without its half second of silence after every asset, or a poll keeping it from ever idling).
  let inFlight = 0
  let lastSettled = Date.now()
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/')
  page.on('request', (req) => {
    if (isApi(req.url())) inFlight++
  })
  const done = (req: { url(): string }) => {
    if (!isApi(req.url())) return
    inFlight--
    lastSettled = Date.now()
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  const settled = async () => {
    const until = Date.now() + 8_000
    while (Date.now() < until && (inFlight > 0 || Date.now() - lastSettled < 150))
      await new Promise((r) => setTimeout(r, 25))
  }
  page.on('response', async (res) => {
    const url = new URL(res.url())
    if (!url.pathname.startsWith('/api/') || !(res.headers()['content-type'] ?? '').includes('json')) return
    const body = await res.text().catch(() => '')
    for (const name of foreign) if (body.includes(name)) leaks.push(`${url.pathname}${url.search}: «${name}»`)
  })
  const seen = new Set<string>()
  const queue: string[] = []
  const collect = async () => {
    const hrefs = await page
      .locator('a[href^="/"]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''))
    for (const href of hrefs) {
      const path = href.split('#')[0]!
      if (!path || path.startsWith('/api/') || path.startsWith('/login') || path.startsWith('/plugins/')) continue
      if (!seen.has(path)) {
        seen.add(path)
        queue.push(path)
      }
    }
  }
  await collect()
  let visited = 0
  while (queue.length && visited < MAX_PAGES) {
    const path = queue.shift()!
    await page.goto(path)
    await settled()
    visited++
    const text = await page.locator('body').innerText()
    for (const name of foreign) if (text.includes(name)) leaks.push(`${path}: «${name}» on the page`)
    await collect()
  }
  expect(visited, 'pages crawled').toBeGreaterThan(10)
  return leaks
}

for (const role of ['mun1', 'mun2', 'school1'] as const) {
  test(`${role} follows every link the shell offers and meets no foreign unit's data`, async ({ page, browser }) => {
    test.setTimeout(180_000)
    await login(page, role)
    const me = (await (await page.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
    // The region admin names the units around the user's (the user may not read them).
    const adminContext = await browser.newContext()
    const admin = await adminContext.newPage()
    await login(admin, 'region')
    const unit = (await (await admin.request.get(`/api/org-units/${me.roles[0]!.orgUnit.id}`)).json()) as {
      path: string
    }
    const ids = unit.path.split('/').filter(Boolean).map(Number)
    const foreign = await foreignNames(admin, { municipality: ids[1]!, school: ids[2] })
    await adminContext.close()
    expect(foreign.length, 'foreign units to look for').toBeGreaterThan(0)
    expect(await crawl(page, foreign)).toEqual([])
  })
}
