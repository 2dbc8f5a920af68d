import type { Page } from '@playwright/test'
import { test, expect, login } from './fixtures.ts'

/** The municipality the signed-in coordinator is bound to. */
async function homeUnit(page: Page): Promise<{ id: number }> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  return me.roles[0]!.orgUnit
}

test('a coordinator defines a local share with the formula editor; the indicator table shows it, a sibling does not', async ({
  page,
  browser,
  baseURL,
}) => {
  await login(page, 'mun1')
  const mun1 = await homeUnit(page)
  const title = `Доля прошедших диагностику ${Date.now()}`

  await page.getByTestId('nav').getByRole('link', { name: 'Местные показатели' }).click()
  await page.getByRole('button', { name: 'Новый показатель', exact: true }).click()
  const editor = page.getByTestId('local-editor')
  await editor.locator('input[name=title]').fill(title)

  // Numerator: a syntax error is shown with its position, then the autocomplete writes the code.
  const numerator = editor.locator('#formula-numerator')
  await numerator.fill('#{deficits.diagnosed} +')
  await expect(editor.locator('[data-formula=numerator] [data-testid=formula-error]')).toContainText('позиция')
  await numerator.fill('')
  await numerator.pressSequentially('диагност')
  await page.getByRole('option').filter({ hasText: 'deficits.diagnosed' }).first().click()
  await expect(numerator).toHaveValue('#{deficits.diagnosed}')

  const denominator = editor.locator('#formula-denominator')
  await denominator.pressSequentially('педаг')
  await expect(page.getByTestId('formula-suggestions')).toBeVisible()
  await page.getByRole('option').filter({ hasText: 'core.teachers_total' }).click()
  await expect(denominator).toHaveValue('#{core.teachers_total}')

  // Live preview: the municipality and its schools, as analytics will compute them.
  const preview = page.getByTestId('local-preview')
  await expect(preview.locator(`tbody tr[data-unit="${mun1!.id}"] [data-col=value]`)).toContainText('%')
  expect(await preview.locator('tbody tr').count()).toBeGreaterThan(1)

  await editor.getByRole('button', { name: 'Сохранить' }).click()
  await expect(page.getByTestId('local-message')).toContainText(`local.${mun1!.id}.`)
  const listed = page.getByTestId('local-list').locator('tr', { hasText: title })
  await expect(listed).toBeVisible()
  const code = (await listed.getAttribute('data-code'))!

  // The generic indicator table: under «Местные показатели», the same value as the analytics API.
  const api = (await (await page.request.get(`/api/analytics?orgUnit=${mun1!.id}&indicator=${code}`)).json()) as {
    rows: { option: string | null; value: number; period: string }[]
  }
  const total = api.rows.find((r) => r.option === null)!
  await page.goto(`/indicators?unit=${mun1!.id}&period=${total.period}`)
  const group = page.locator('[data-group=local]')
  await expect(group).toContainText('Местные показатели')
  const row = group.locator(`[data-indicator="${code}"]`)
  const shown = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(total.value)
  await expect(row.locator('[data-col=value]')).toContainText(`${shown} %`)

  // Its schools, then drill down into one.
  await row.click()
  const children = page.getByTestId('children-table')
  await expect(children.locator('tbody tr [data-col=value]').first()).toContainText('%')
  const first = children.locator('tbody tr').first()
  const school = (await first.locator('a').textContent())!.trim()
  await first.locator('a').click()
  await expect(page.getByTestId('breadcrumbs')).toContainText(school)
  await expect(page.locator(`[data-indicator="${code}"] [data-col=value]`)).toBeVisible()

  // The neighbouring municipality sees nothing of it.
  const other = await browser.newContext({ baseURL: baseURL! })
  const page2 = await other.newPage()
  await login(page2, 'mun2')
  const mun2 = await homeUnit(page2)
  await page2.goto(`/indicators?unit=${mun2!.id}&period=${total.period}`)
  await expect(page2.getByTestId('indicator-table').first()).toBeVisible()
  await expect(page2.locator(`[data-indicator="${code}"]`)).toHaveCount(0)
  await page2.goto('/local-indicators')
  await expect(page2.getByText('Местных показателей пока нет.')).toBeVisible()
  await expect(page2.getByText(title)).toHaveCount(0)
  expect((await page2.request.get(`/api/analytics?orgUnit=${mun2!.id}&indicator=${code}`)).status()).toBe(400)
  await other.close()
})

test('a coordinator defines a local data element, which the formula editor then offers', async ({ page }) => {
  await login(page, 'mun1')
  await page.goto('/local-indicators')
  const title = `Наставники ${Date.now()}`
  const elements = page.getByTestId('local-elements')
  await elements.getByRole('button', { name: 'Новый показатель данных' }).click()
  await elements.locator('input[name=elementTitle]').fill(title)
  await elements.getByRole('button', { name: 'Сохранить' }).click()
  await expect(elements.locator('tr', { hasText: title })).toBeVisible()

  await page.getByRole('button', { name: 'Новый показатель', exact: true }).click()
  await page.locator('#formula-numerator').pressSequentially('Наставн')
  await page.getByRole('option').filter({ hasText: title }).click()
  await expect(page.locator('#formula-numerator')).toHaveValue(/^#\{local\.\d+\.nastavniki_\d+\}$/)
})

test('a local data element entered through the generic form appears in the local indicator', async ({ page }) => {
  await login(page, 'mun1')
  const me = (await (await page.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  const mun = me.roles[0]!.orgUnit.id
  const [school] = (await (await page.request.get(`/api/org-units/${mun}/children`)).json()) as { id: number }[]
  const element = await page.request.post('/api/local-data-elements', {
    data: {
      orgUnit: mun,
      title: 'Педагоги в школе молодого учителя',
      valueType: 'integer',
      entryLevel: 'organization',
      min: 0,
    },
  })
  expect(element.status(), await element.text()).toBe(201)
  const { code } = (await element.json()) as { code: string }
  const indicator = await page.request.post('/api/local-indicators', {
    data: {
      orgUnit: mun,
      title: 'Доля педагогов в школе молодого учителя',
      kind: 'share',
      numerator: `#{${code}}`,
      denominator: '#{core.teachers_total}',
    },
  })
  expect(indicator.status(), await indicator.text()).toBe(201)
  const local = ((await indicator.json()) as { code: string }).code

  // The generic entry form offers the owner's local elements as a group of their own.
  await page.goto(`/entry?unit=${school!.id}&period=2025-26&plugin=local`)
  const cell = page.getByTestId(`cell-${code}-total`)
  await cell.fill('4')
  await cell.press('Enter')
  type Row = { option: string | null; numerator: number | null; denominator: number | null; value: number | null }
  const total = async () =>
    (
      (await (
        await page.request.get(`/api/analytics?orgUnit=${school!.id}&period=2025-26&indicator=${local}`)
      ).json()) as { rows: Row[] }
    ).rows.find((r) => r.option === null)!
  // Autosave runs a moment after typing: wait for the value to reach the server.
  await expect.poll(async () => (await total()).numerator, { timeout: 10_000 }).toBe(4)
  await expect(page.getByTestId('save-state')).toHaveText('сохранено')
  const row = await total()
  expect(row.value).toBeCloseTo((4 * 100) / row.denominator!, 6)
})
