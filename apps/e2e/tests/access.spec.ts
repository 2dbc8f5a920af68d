import { request as playwrightRequest } from '@playwright/test'
import { test, expect, login, demoUnits } from './fixtures.ts'

test('a wrong password is refused on the Russian login page', async ({ page }) => {
  await page.goto('/login')
  await page.locator('#login').fill('school1')
  await page.locator('#password').fill('not-the-password')
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByTestId('login-error')).toHaveText('Неверный логин или пароль')
})

test('a school operator cannot reach another municipality by editing URLs or request bodies', async ({
  page,
  browser,
  baseURL,
}) => {
  // The region admin finds a school of the second municipality (mun2's).
  const admin = await browser.newPage({ baseURL })
  await login(admin, 'region')
  const { municipalities } = await demoUnits(admin)
  const mun2 = municipalities[1]!
  const foreignSchools = (await (await admin.request.get(`/api/org-units/${mun2.id}/children`)).json()) as {
    id: number
    name: string
  }[]
  const foreign = foreignSchools[0]!
  const auditBefore = (await (await admin.request.get(`/api/audit?orgUnit=${foreign.id}`)).json()) as {
    entries: unknown[]
  }

  await login(page, 'school1')
  const own = await page.getByTestId('breadcrumbs').textContent()
  // Editing the URL: the foreign unit is not shown; the user stays in their own school.
  await page.goto(`/indicators?unit=${foreign.id}&period=2025-26`)
  await expect(page.getByTestId('indicator-table').first()).toBeVisible()
  await expect(page.getByTestId('breadcrumbs')).not.toContainText(foreign.name)
  expect(await page.getByTestId('breadcrumbs').textContent()).toBe(own)

  // Calling the API directly with the session: reads and writes of the foreign school are refused.
  const read = await page.request.get(`/api/analytics?orgUnit=${foreign.id}&period=2025-26`)
  expect(read.status()).toBe(403)
  const write = await page.request.post('/api/data-values', {
    data: { values: [{ orgUnit: foreign.id, period: '2025-26', element: 'core.teachers_total', value: 999 }] },
  })
  expect(write.status()).toBe(403)
  const children = await page.request.get(`/api/org-units/${mun2.id}/children`)
  expect(children.status()).toBe(403)

  // Nothing was written: the foreign school's audit log is unchanged.
  const auditAfter = (await (await admin.request.get(`/api/audit?orgUnit=${foreign.id}`)).json()) as {
    entries: unknown[]
  }
  expect(auditAfter.entries).toEqual(auditBefore.entries)
})

test('a user creates an API token in the shell, a script uses it, and revoking it shuts the script out', async ({
  page,
  baseURL,
}) => {
  await login(page, 'analyst')
  await page.getByRole('link', { name: 'Учётная запись' }).click()
  await page.getByPlaceholder('Название').fill('выгрузка для отчёта')
  await page.getByRole('button', { name: 'Создать токен' }).click()
  const token = (await page.getByTestId('new-token').locator('code').textContent())!.trim()
  expect(token.length).toBeGreaterThan(20)

  const script = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } })
  const me = await script.get('/api/auth/me')
  expect(me.status()).toBe(200)
  expect(((await me.json()) as { login: string }).login).toBe('analyst')

  await page.locator('[data-token="выгрузка для отчёта"]').getByRole('button', { name: 'Отозвать' }).click()
  await expect(page.locator('[data-token="выгрузка для отчёта"]')).toHaveCount(0)
  expect((await script.get('/api/auth/me')).status()).toBe(401)
  await script.dispose()
})

test('the change log shows who changed a value', async ({ page }) => {
  await login(page, 'region')
  const { municipalities } = await demoUnits(page)
  const mun = municipalities[0]!
  const schools = (await (await page.request.get(`/api/org-units/${mun.id}/children`)).json()) as { id: number }[]
  // An unchanged value is not a change (and leaves no audit entry): write one the school does not hold.
  const stored = (await (
    await page.request.get(`/api/data-values?orgUnit=${schools[0]!.id}&period=2025-26&plugin=deficits`)
  ).json()) as { values: { element: string; option: string | null; value: unknown }[] }
  const current = stored.values.find((v) => v.element === 'deficits.pd_federal' && v.option === null)?.value
  const value = current === 7 ? 6 : 7
  const res = await page.request.post('/api/data-values', {
    data: { values: [{ orgUnit: schools[0]!.id, period: '2025-26', element: 'deficits.pd_federal', value }] },
  })
  expect(res.status(), await res.text()).toBe(200)
  await page.goto(`/audit?unit=${mun.id}&period=2025-26`)
  const row = page.getByTestId('audit-table').locator('tbody tr').first()
  await expect(row).toContainText('region')
  await expect(row).toContainText('deficits.pd_federal')
  await expect(row).toContainText(`→ ${value}`)
})
