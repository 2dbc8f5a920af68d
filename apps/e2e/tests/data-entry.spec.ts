import type { Browser, Page } from '@playwright/test'
import { test, expect, login } from './fixtures.ts'

const PERIOD = '2025-26'

/** A signed-in page of its own browser context (its own cookies), as a second person at another desk. */
async function signedIn(browser: Browser, baseURL: string, user: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, locale: 'ru-RU' })).newPage()
  await login(page, user)
  return page
}

/** The demo's campaigns closed long ago (seed-004 deadlines of past years): the region reopens this one. */
async function openCampaign(browser: Browser, baseURL: string): Promise<{ school: number; region: number }> {
  const region = await signedIn(browser, baseURL, 'region')
  const me = (await (await region.request.get('/api/auth/me')).json()) as { regionId: number }
  const put = await region.request.put(`/api/campaigns?region=${me.regionId}&period=${PERIOD}`, {
    data: {
      monitoringDue: '2999-01-20',
      analysisDue: '2999-03-30',
      measuresDue: '2999-12-31',
      effectivenessDue: '3000-08-31',
    },
  })
  expect(put.status()).toBe(200)
  const school1 = await signedIn(browser, baseURL, 'school1')
  const home = (await (await school1.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  await school1.context().close()
  await region.context().close()
  return { school: home.roles[0]!.orgUnit.id, region: me.regionId }
}

const saved = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/api/data-values') && r.request().method() === 'POST')

test('a school fills a direction, the municipality returns it with a comment, then approves; the school is locked', async ({
  browser,
  baseURL,
}) => {
  const { school } = await openCampaign(browser, baseURL!)
  const entryUrl = `/entry?unit=${school}&period=${PERIOD}&plugin=deficits`

  const operator = await signedIn(browser, baseURL!, 'school1')
  await operator.getByTestId('nav-entry').click()
  await operator.goto(entryUrl)
  const teachers = operator.getByTestId('cell-core.teachers_total-total')
  await expect(teachers).not.toHaveValue('')
  const total = Number(await teachers.inputValue())
  const iom = operator.getByTestId('cell-deficits.iom_built-total')

  // More routes than teachers: the manifest's rule speaks up beside the cell, live.
  let save = saved(operator)
  await iom.fill(String(total + 5))
  await save
  const row = operator.locator('[data-row-key="deficits.iom_built|"]')
  await expect(row.getByTestId('cell-error')).toHaveText('Значение не может превышать общее количество педагогов')
  save = saved(operator)
  await iom.fill(String(total - 1))
  await save
  await expect(row.getByTestId('cell-error')).toHaveCount(0)
  await expect(operator.getByTestId('save-state')).toHaveText('сохранено')
  // Keyboard: Enter goes to the next row.
  await iom.press('Enter')
  await expect(operator.getByTestId('cell-deficits.iom_built-total')).not.toBeFocused()

  await operator.getByTestId('submit').click()
  await expect(operator.getByTestId('entry-state')).toHaveText('отправлено')
  await expect(operator.getByTestId('entry-lock')).toBeVisible()
  await expect(iom).toHaveAttribute('readonly', '')

  // The coordinator returns it with a comment.
  const coordinator = await signedIn(browser, baseURL!, 'mun1')
  await coordinator.goto(entryUrl)
  await expect(coordinator.getByTestId('entry-state')).toHaveText('отправлено')
  await coordinator.getByTestId('return-comment-input').fill('Уточните число ИОМ')
  await coordinator.getByTestId('return').click()
  await expect(coordinator.getByTestId('entry-state')).toHaveText('возвращено на доработку')

  // The school sees why, corrects and resubmits.
  await operator.reload()
  await expect(operator.getByTestId('entry-state')).toHaveText('возвращено на доработку')
  await expect(operator.getByTestId('return-comment')).toContainText('Уточните число ИОМ')
  const corrected = Math.floor(total / 2)
  save = saved(operator)
  await operator.getByTestId('cell-deficits.iom_built-total').fill(String(corrected))
  await save
  await operator.getByTestId('submit').click()
  await expect(operator.getByTestId('entry-state')).toHaveText('отправлено')

  // The coordinator approves; the school can no longer edit.
  await coordinator.reload()
  await coordinator.getByTestId('approve').click()
  await expect(coordinator.getByTestId('entry-state')).toHaveText('утверждено')
  await operator.reload()
  await expect(operator.getByTestId('entry-state')).toHaveText('утверждено')
  await expect(operator.getByTestId('cell-deficits.iom_built-total')).toHaveAttribute('readonly', '')
  await expect(operator.getByTestId('submit')).toHaveCount(0)
  const refused = await operator.request.post('/api/data-values', {
    data: { values: [{ orgUnit: school, period: PERIOD, element: 'deficits.iom_built', value: 1 }] },
  })
  expect(refused.status()).toBe(409)

  // The history panel lists the school's changes, and the analytics view shows the new share.
  await operator.getByTestId('history-deficits.iom_built-total').click()
  await expect(operator.getByTestId('value-history')).toContainText(`${total - 1} → ${corrected}`)
  await operator.goto(`/indicators?unit=${school}&period=${PERIOD}`)
  const share = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format((corrected / total) * 100)
  await expect(
    operator.locator('[data-testid=indicator-table] [data-indicator="deficits.iom_share"] [data-col=value]'),
  ).toContainText(`${share} %`)
})

test('two people save the same value: the second gets both values to choose from, nothing is lost', async ({
  browser,
  baseURL,
}) => {
  const { school } = await openCampaign(browser, baseURL!)
  const url = `/entry?unit=${school}&period=${PERIOD}&plugin=retraining`
  const first = await signedIn(browser, baseURL!, 'school1')
  const second = await signedIn(browser, baseURL!, 'mun1')
  await first.goto(url)
  await second.goto(url)
  const cellOf = (page: Page) => page.locator('[data-testid=entry-grid] input[type=number]').first()
  await expect(cellOf(first)).toBeVisible()
  await expect(cellOf(second)).toBeVisible()
  const testId = (await cellOf(first).getAttribute('data-testid'))!

  let save = saved(first)
  await first.getByTestId(testId).fill('111')
  await save
  await expect(first.getByTestId('save-state')).toHaveText('сохранено')

  // The second page still holds the old version.
  save = saved(second)
  await second.getByTestId(testId).fill('222')
  expect((await save).status()).toBe(409)
  const dialog = second.getByTestId('conflict-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('conflict-mine')).toHaveText('222')
  await expect(dialog.getByTestId('conflict-theirs')).toHaveText('111')
  save = saved(second)
  await dialog.getByRole('button', { name: 'Оставить моё' }).click()
  expect((await save).status()).toBe(200)
  await expect(dialog).toHaveCount(0)

  await first.reload()
  await expect(first.getByTestId(testId)).toHaveValue('222')
  // Both saves are in the value's history: 111 was overwritten knowingly, not lost.
  await first.locator(`[data-testid="${testId.replace('cell-', 'history-')}"]`).click()
  await expect(first.getByTestId('value-history')).toContainText('111 → 222')
})

test('a municipality enters for its schools in one grid and sees who has not submitted', async ({
  browser,
  baseURL,
}) => {
  const { school } = await openCampaign(browser, baseURL!)
  const coordinator = await signedIn(browser, baseURL!, 'mun1')
  const me = (await (await coordinator.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  const municipality = me.roles[0]!.orgUnit.id
  await coordinator.goto(`/entry?unit=${municipality}&period=${PERIOD}&plugin=retraining`)
  const grid = coordinator.getByTestId('schools-grid')
  await expect(grid).toBeVisible()
  const cell = grid.getByTestId(`school-cell-${school}-total`)
  await expect(cell).toBeVisible()
  const save = saved(coordinator)
  await cell.fill('17')
  expect((await save).status()).toBe(200)
  await expect(coordinator.getByTestId('save-state')).toHaveText('сохранено')
  const values = (await (
    await coordinator.request.get(`/api/data-values?orgUnit=${school}&period=${PERIOD}&plugin=retraining`)
  ).json()) as { values: { element: string; option: string | null; value: unknown }[] }
  const element = (await grid.getByTestId('schools-element').inputValue())!
  expect(values.values.find((v) => v.element === element && v.option === null)?.value).toBe(17)

  const states = (await (
    await coordinator.request.get(`/api/submissions?orgUnit=${municipality}&period=${PERIOD}&plugin=retraining`)
  ).json()) as { counts: { total: number; notSubmitted: number } }
  await expect(coordinator.getByTestId('workflow').locator('h3')).toHaveText(
    `Не отправили: ${states.counts.notSubmitted} из ${states.counts.total}`,
  )
})

test("a region admin sets the period's deadlines on the entry page", async ({ browser, baseURL }) => {
  const { region } = await openCampaign(browser, baseURL!)
  const page = await signedIn(browser, baseURL!, 'region')
  await page.goto(`/entry?unit=${region}&period=${PERIOD}&plugin=deficits`)
  const editor = page.getByTestId('campaign-editor')
  await editor.locator('summary').first().click()
  await editor.getByTestId('campaign-monitoringDue').fill('2999-02-01')
  await editor.getByRole('button', { name: 'Сохранить кампанию' }).click()
  await expect(editor.getByTestId('campaign-message')).toHaveText('Кампания сохранена')
  const stored = (await (await page.request.get(`/api/campaigns?region=${region}&period=${PERIOD}`)).json()) as {
    monitoringDue: string
  }
  expect(stored.monitoringDue).toBe('2999-02-01')
})

test('the campaign drops a direction from the collection, and refuses to move an element that has values', async ({
  browser,
  baseURL,
}) => {
  const { region, school: schoolId } = await openCampaign(browser, baseURL!)
  const admin = await signedIn(browser, baseURL!, 'region')
  await admin.goto(`/entry?unit=${region}&period=${PERIOD}&plugin=deficits`)
  const editor = admin.getByTestId('campaign-editor')
  await editor.locator('summary').first().click()

  // Moving an element whose schools' values are in: refused with the element's name, nothing stored.
  await editor.getByTestId('campaign-levels').locator('summary').click()
  await editor.locator('[data-element="core.teachers_total"] select').selectOption('municipality')
  await editor.getByTestId('campaign-save').click()
  await expect(editor.getByTestId('campaign-message')).toContainText(
    'Нельзя перенести «Количество педагогических работников»',
  )
  const api = async () =>
    (await (await admin.request.get(`/api/campaigns?region=${region}&period=${PERIOD}`)).json()) as {
      plugins: string[] | null
      entryLevels: Record<string, string>
    }
  expect((await api()).entryLevels).toEqual({})
  await editor.locator('[data-element="core.teachers_total"] select').selectOption('organization')

  // Staffing is not collected this period: the school's form no longer offers it.
  await editor.locator('[data-plugin="staffing"]').uncheck()
  await editor.getByTestId('campaign-save').click()
  await expect(editor.getByTestId('campaign-message')).toHaveText('Кампания сохранена')
  expect((await api()).plugins).not.toContain('staffing')
  try {
    const school = await signedIn(browser, baseURL!, 'school1')
    await school.goto(`/entry?unit=${schoolId}&period=${PERIOD}&plugin=deficits`)
    const select = school.getByTestId('entry-plugin')
    await expect(select.locator('option[value="deficits"]')).toHaveCount(1)
    await expect(select.locator('option[value="staffing"]')).toHaveCount(0)
    await school.goto(`/entry?unit=${schoolId}&period=${PERIOD}&plugin=staffing`)
    await expect(school.getByTestId('not-collected')).toBeVisible()
    await school.context().close()
  } finally {
    // Collect everything again for the other tests.
    const put = await admin.request.put(`/api/campaigns?region=${region}&period=${PERIOD}`, {
      data: {
        monitoringDue: '2999-01-20',
        analysisDue: '2999-03-30',
        measuresDue: '2999-12-31',
        effectivenessDue: '3000-08-31',
        plugins: null,
      },
    })
    expect(put.status()).toBe(200)
  }
})

test("the municipality's schools grid checks each school's rules inline and offers yes/no for booleans", async ({
  browser,
  baseURL,
}) => {
  await openCampaign(browser, baseURL!)
  const page = await signedIn(browser, baseURL!, 'mun1')
  const me = (await (await page.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  await page.goto(`/entry?unit=${me.roles[0]!.orgUnit.id}&period=${PERIOD}&plugin=deficits`)
  const grid = page.getByTestId('schools-grid')
  await grid.getByTestId('schools-element').selectOption('deficits.diagnosed')
  const row = grid.locator('tbody tr').first()
  const total = row.locator('[data-testid$="-total"]')
  const before = await total.inputValue()
  await expect(row.getByTestId('school-error')).toHaveCount(0)

  // The municipality's live indicators roll up its schools' numbers, as the analytics does.
  const mun = me.roles[0]!.orgUnit.id
  const analytics = (await (
    await page.request.get(`/api/analytics?orgUnit=${mun}&period=${PERIOD}&indicator=deficits.diagnosed_share`)
  ).json()) as { rows: { option: string | null; value: number }[] }
  const share = analytics.rows.find((r) => r.option === null)!.value
  const live = page.locator('[data-testid=live-indicators] [data-indicator="deficits.diagnosed_share"]')
  await expect(live).toHaveText(`${share.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`)

  await total.fill('100000')
  // The rule comparing the element with the school's own total, and the sum of its subjects.
  await expect(
    row.getByTestId('school-error').filter({ hasText: 'Прошедших диагностику не может быть больше, чем педагогов' }),
  ).toHaveCount(1)
  await expect(total).toHaveAttribute('aria-invalid', 'true')
  await expect(live).not.toHaveText(`${share.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`)
  // The other schools are not flagged by this school's numbers.
  await expect(grid.locator('tbody tr').nth(1).getByTestId('school-error')).toHaveCount(0)

  await total.fill(before)
  await expect(row.getByTestId('school-error')).toHaveCount(0)
  await total.blur()
  await expect(page.getByTestId('save-state')).toHaveText('сохранено')

  await grid.getByTestId('schools-element').selectOption('deficits.majority_assessed')
  await expect(row.locator('select[data-testid$="-total"] option')).toHaveText(['—', 'да', 'нет'])
})
