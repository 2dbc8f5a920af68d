import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumLaunch } from './browser.ts'
import { REPO_ROOT, startServer } from './server.ts'

/** `pnpm --filter @profmon/e2e run screenshots`: the README's pictures, from the demo region. */
const out = join(REPO_ROOT, 'docs/screenshots')
await mkdir(out, { recursive: true })
const server = await startServer({ fixtures: false })
const browser = await chromium.launch(chromiumLaunch)
try {
  const page = await browser.newPage({ baseURL: server.url, viewport: { width: 1440, height: 900 } })
  await page.goto('/login')
  await page.locator('#login').fill('region')
  await page.locator('#password').fill('demo')
  await page.getByRole('button', { name: 'Войти' }).click()
  await page.getByTestId('nav').waitFor()
  await page.locator('[data-testid=attention] li').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(out, 'home.png') })
  await page.locator('[data-testid=nav] [data-plugin=deficits]').click()
  await page.locator('[data-plugin-slot=deficits] [data-testid=chart] svg').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(800)
  await page.screenshot({ path: join(out, 'deficits.png') })
  await page.getByRole('link', { name: 'Показатели', exact: true }).click()
  await page.locator('[data-group=staffing]').waitFor()
  await page.getByTestId('children-table').waitFor()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'indicators.png') })
  // The region's recommendations once its drafts are generated.
  const { regionId } = (await (await page.request.get('/api/auth/me')).json()) as { regionId: number }
  await page.request.post('/api/recommendations/generate', { data: { orgUnit: regionId, period: '2025-26' } })
  await page.goto(`/recommendations?unit=${regionId}&period=2025-26`)
  await page.getByTestId('recommendation').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'recommendations.png') })
  await page.goto(`/recommendations/print?unit=${regionId}&period=2025-26`)
  await page.getByTestId('print-item').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'recommendations-print.png') })
  // «Анализ»: the region's league table of a share with the gap in people, and the charts.
  await page.goto('/analysis?period=2025-26&indicator=deficits.diagnosed_share')
  await page.getByTestId('league-table').waitFor()
  await page.locator('[data-testid=children-chart] svg').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(800)
  await page.screenshot({ path: join(out, 'analysis.png'), fullPage: true })
  // «Цели»: the targets in force with their source, one open in the editor.
  await page.goto('/goals?period=2025-26')
  await page.locator('tr[data-indicator="deficits.diagnosed_share"] [data-testid=target-edit]').click()
  await page.getByTestId('target-editor').waitFor()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'goals.png') })
  // The management cycle's second half, on the first municipality's 2024/25: the roadmap, three
  // measures with their verdicts on 2025/26, a decision behind one of them.
  const [mun] = (await (await page.request.get(`/api/org-units/${regionId}/children`)).json()) as { id: number }[]
  const T = '2024-25'
  await page.request.post('/api/measures/from-template', {
    data: { orgUnit: mun!.id, period: T, template: 'seed-004' },
  })
  const measure = async (title: string, plugin: string, indicator: string, expected: number) =>
    (
      (await (
        await page.request.post('/api/measures', {
          data: {
            orgUnit: mun!.id,
            period: T,
            title,
            plugin,
            indicators: [indicator],
            expected: { [indicator]: expected },
            responsible: { name: 'Петрова А. С.', position: 'методист ММС' },
            startsOn: '2024-10-01',
            dueOn: '2025-05-31',
          },
        })
      ).json()) as { id: number }
    ).id
  const iom = await measure('Построение ИОМ по итогам диагностики', 'deficits', 'deficits.iom_share', 20)
  await measure('Привлечение молодых педагогов', 'staffing', 'staffing.pensioners_share', 30)
  await measure('Курсы ЦНППМ для педагогов с дефицитами', 'deficits', 'deficits.cnppm_pd_share', 25)
  await page.request.post('/api/decisions', {
    data: {
      orgUnit: mun!.id,
      period: T,
      kind: 'order',
      number: '45-од',
      date: '2024-10-15',
      title: 'Об организации работы по индивидуальным образовательным маршрутам',
      issuer: 'Управление образования',
      measures: [iom],
    },
  })
  await page.goto(`/measures?unit=${mun!.id}&period=${T}&view=timeline`)
  await page.getByTestId('timeline-bar').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'measures-timeline.png'), fullPage: true })
  await page.goto(`/effectiveness?unit=${mun!.id}&period=${T}`)
  await page.getByTestId('effect').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'effectiveness.png'), fullPage: true })
  await page.goto(`/cycle?unit=${regionId}&period=${T}`)
  await page.getByTestId('cycle-matrix').waitFor()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'cycle.png'), fullPage: true })
  // The teacher registry as the school's operator keeps it: the staff list and a card with an ИОМ.
  const school = await browser.newPage({ baseURL: server.url, viewport: { width: 1440, height: 900 } })
  await school.goto('/login')
  await school.locator('#login').fill('school1')
  await school.locator('#password').fill('demo')
  await school.getByRole('button', { name: 'Войти' }).click()
  await school.getByTestId('nav').waitFor()
  const { roles } = (await (await school.request.get('/api/auth/me')).json()) as {
    roles: { orgUnit: { id: number } }[]
  }
  await school.goto(`/teachers?unit=${roles[0]!.orgUnit.id}&period=2025-26`)
  await school.locator('[data-testid=teachers] tbody tr').first().waitFor()
  await school.waitForLoadState('networkidle')
  await school.screenshot({ path: join(out, 'teachers.png') })
  const { items } = (await (await school.request.get(`/api/teachers?orgUnit=${roles[0]!.orgUnit.id}`)).json()) as {
    items: { id: number }[]
  }
  for (const { id } of items) {
    const events = (await (await school.request.get(`/api/teachers/${id}/events`)).json()) as {
      items: { kind: string }[]
    }
    if (!events.items.some((e) => e.kind === 'iom')) continue
    await school.goto(`/teachers/${id}?unit=${roles[0]!.orgUnit.id}&period=2025-26`)
    await school.locator('[data-kind=iom]').first().waitFor()
    await school.waitForLoadState('networkidle')
    await school.screenshot({ path: join(out, 'teacher-card.png'), fullPage: true })
    break
  }
} finally {
  await browser.close()
  await server.stop()
}
