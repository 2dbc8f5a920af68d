import type { Browser, Page } from '@playwright/test'
import { test, expect, login } from './fixtures.ts'
import { startServer, type RunningServer } from '../src/server.ts'

/**
 * The registry switched on for the demo region: the counts of the deficits direction come from
 * people, not typing. Switching it on changes the region's figures, so this runs on a server of
 * its own and the other specs keep the demo as it is.
 */
const PERIOD = '2025-26'

let server: RunningServer

test.beforeAll(async () => {
  test.setTimeout(240_000)
  server = await startServer({ fixtures: false })
})

test.afterAll(async () => {
  await server?.stop()
})

async function signedIn(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url })
  const page = await context.newPage()
  await login(page, user)
  return page
}

interface Row {
  orgUnit: number
  option: string | null
  numerator: number | null
  denominator: number | null
}

test('with the registry on, a teacher diagnosed and given an ИОМ moves the school’s shares; the form shows the counts read-only until the region switches an element to entry', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000)
  const region = await signedIn(browser, 'region')
  const school = await signedIn(browser, 'school1')
  const [demoRegion] = (await (await region.request.get('/api/org-units')).json()) as { id: number }[]
  const me = (await (await school.request.get('/api/auth/me')).json()) as {
    roles: { orgUnit: { id: number; name: string } }[]
  }
  const unit = me.roles[0]!.orgUnit
  const share = async (indicator: string) => {
    const res = await region.request.get(
      `/api/analytics?orgUnit=${unit.id}&period=${PERIOD}&level=self&indicator=${indicator}`,
    )
    expect(res.status()).toBe(200)
    const { rows } = (await res.json()) as { rows: Row[] }
    return rows.find((r) => r.orgUnit === unit.id && r.option === null)!
  }
  const staff = async () => {
    const res = await school.request.get(`/api/teachers?orgUnit=${unit.id}`)
    return ((await res.json()) as { items: unknown[] }).items.length
  }

  // The region admin switches the registry on in the staff page's settings panel.
  await region.goto(`/teachers?unit=${demoRegion!.id}&period=${PERIOD}`)
  const settings = region.getByTestId('registry-settings')
  await settings.locator('summary').click()
  await settings.getByTestId('registry-enabled').check()
  await settings.getByTestId('registry-settings-save').click()
  await expect(settings).toContainText('Настройки сохранены')
  const sources = (await (
    await region.request.get(`/api/campaigns/${demoRegion!.id}/${PERIOD}/element-sources`)
  ).json()) as { registryEnabled: boolean; sources: Record<string, string> }
  expect(sources.registryEnabled).toBe(true)
  expect(sources.sources['deficits.iom_built']).toBe('registry')

  const before = await share('deficits.iom_share')
  expect(before.denominator).toBe(await staff()) // the school's people, not a typed count

  // The school operator adds a teacher employed since last year, a diagnostics and an ИОМ built on it.
  const surname = `Реестрова${Date.now().toString(36)}`
  await school.goto(`/teachers?unit=${unit.id}&period=${PERIOD}`)
  await school.getByTestId('teacher-add').click()
  const form = school.getByTestId('person-form')
  await form.getByTestId('person-surname').fill(surname)
  await form.getByTestId('person-name').fill('Мария')
  await form.getByTestId('person-birth-date').fill('1994-03-08')
  await form.getByTestId('person-experience-since').fill('2018-09-01')
  await form.getByTestId('person-starts-on').fill('2024-09-01')
  await form.locator('[data-subject=math]').check()
  await form.getByTestId('person-save').click()
  await expect(school.getByTestId('teacher-name')).toContainText(surname)

  await school.getByTestId('event-add').click()
  const eventForm = school.getByTestId('event-form')
  await eventForm.getByTestId('event-kind').selectOption('diagnostics')
  await eventForm.getByTestId('event-date').fill('2025-10-06')
  await eventForm.getByTestId('event-instrument').fill('Диагностика ЦНППМ')
  await eventForm.locator('[data-deficit=methodical]').check()
  await eventForm.getByTestId('event-save').click()
  const diagnostics = school.locator('[data-kind=diagnostics]')
  await expect(diagnostics).toHaveCount(1)
  await diagnostics.getByTestId('iom-build').click()
  const builder = school.getByTestId('iom-builder')
  await builder.getByTestId('iom-starts-on').fill('2025-10-20')
  await builder.getByTestId('iom-save').click()
  await expect(school.locator('[data-kind=iom]').getByTestId('iom-progress')).toHaveText('Выполнено шагов: 0 из 1')

  // The deficits direction's shares of the school follow: one more person, one more route.
  const after = await share('deficits.iom_share')
  expect(after.numerator).toBe(before.numerator! + 1)
  expect(after.denominator).toBe(before.denominator! + 1)
  expect(after.denominator).toBe(await staff())
  const diagnosed = await share('deficits.diagnosed_share')
  expect(diagnosed.numerator).toBeGreaterThanOrEqual(1)

  // The school's entry form: the derived elements are read-only counts with the people behind them.
  await school.goto(`/entry?unit=${unit.id}&period=${PERIOD}&plugin=deficits`)
  const row = school.locator('[data-row-key="deficits.iom_built|"]')
  await expect(row).toHaveAttribute('data-source', 'registry')
  const cell = school.getByTestId('cell-deficits.iom_built-total')
  await expect(cell).toHaveValue(String(after.numerator))
  await expect(cell).toHaveAttribute('readonly', '')
  const link = school.getByTestId('registry-deficits.iom_built')
  await expect(link).toHaveText(`из реестра: ${after.numerator} чел.`)
  await expect(school.getByTestId('registry-core.teachers_total')).toHaveText(`из реестра: ${after.denominator} чел.`)
  await expect(school.getByTestId('cell-deficits.majority_assessed-total')).toBeEnabled()
  await school.screenshot({ path: testInfo.outputPath('entry-registry.png'), fullPage: true })
  await link.click()
  await expect(school.getByTestId('teachers')).toContainText(surname)

  // The region admin takes "ИОМ built" as entered for the campaign.
  await region.goto(`/entry?unit=${demoRegion!.id}&period=${PERIOD}&plugin=deficits`)
  const panel = region.getByTestId('element-sources')
  await panel.locator('summary').click()
  await panel.getByTestId('source-deficits.iom_built').selectOption('entered')
  await expect(region.getByTestId('element-sources-message')).toContainText('вводится вручную')

  // The input is back in the school's form: typed and saved like any other value.
  await school.goto(`/entry?unit=${unit.id}&period=${PERIOD}&plugin=deficits`)
  await expect(row).toHaveAttribute('data-source', 'entered')
  await expect(school.getByTestId('registry-deficits.iom_built')).toHaveCount(0)
  await expect(cell).not.toHaveAttribute('readonly', '')
  await cell.fill('3')
  await cell.blur()
  await expect(school.getByTestId('save-state')).toHaveText('сохранено')
  await expect(school.getByTestId('save-error')).toHaveCount(0)
  expect((await share('deficits.iom_share')).numerator).toBe(3)
})
