import { test, expect, login } from './fixtures.ts'

test.describe('runtime plugin platform', () => {
  test('a region admin disables a direction for the region and enables it again, without rebuild or restart', async ({
    browser,
    baseURL,
  }) => {
    const admin = await browser.newPage({ baseURL })
    const staff = await browser.newPage({ baseURL })
    await login(admin, 'region')
    await login(staff, 'mun1')
    await expect(staff.locator('[data-testid=nav] [data-plugin=deficits]')).toBeVisible()

    await admin.goto('/admin/plugins')
    const toggle = admin.locator('[data-toggle=deficits]')
    await expect(toggle).toHaveAttribute('aria-checked', 'true')
    try {
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-checked', 'false')

      // The staff user's next navigation no longer shows the direction anywhere.
      await staff.getByRole('link', { name: 'Показатели', exact: true }).click()
      await expect(staff.getByTestId('indicator-table').first()).toBeVisible()
      await expect(staff.locator('[data-testid=nav] [data-plugin=deficits]')).toHaveCount(0)
      await expect(staff.locator('[data-group=deficits]')).toHaveCount(0)
      await expect(staff.locator('[data-indicator="deficits.diagnosed_share"]')).toHaveCount(0)
      await staff.goto('/d/deficits')
      await expect(staff.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible()
    } finally {
      if ((await toggle.getAttribute('aria-checked')) === 'false') await toggle.click()
      await expect(toggle).toHaveAttribute('aria-checked', 'true')
    }

    // Back, with its data: the kept values show again.
    await staff.getByRole('link', { name: 'Показатели', exact: true }).click()
    await expect(staff.locator('[data-testid=nav] [data-plugin=deficits]')).toBeVisible()
    const value = staff.locator('[data-indicator="deficits.diagnosed_share"] [data-col=value]')
    await expect(value).toContainText('%')
  })

  test('a plugin whose remote is missing or throws shows its own error card; the others keep working', async ({
    page,
  }) => {
    await login(page, 'region')
    await page.locator('[data-testid=nav] [data-plugin=broken-remote]').click()
    const missing = page.locator('[data-plugin-slot=broken-remote] [data-testid=error-card]')
    await expect(missing).toContainText('Тест: недоступный модуль')
    // The generic part of the page and the shell still work around the broken slot.
    await expect(page.getByTestId('indicator-table')).toBeVisible()

    await page.locator('[data-testid=nav] [data-plugin=throwing-view]').click()
    const throwing = page.locator('[data-plugin-slot=throwing-view] [data-testid=error-card]')
    await expect(throwing).toContainText('deliberate render error')

    await page.locator('[data-testid=nav] [data-plugin=deficits]').click()
    await expect(page.locator('[data-plugin-slot=deficits] [data-testid=chart]').first()).toBeVisible()
    await expect(page.locator('[data-plugin-slot=deficits] [data-testid=chart] svg').first()).toBeVisible()
    await expect(page.getByTestId('error-card')).toHaveCount(0)
  })

  test('Vue is downloaded once across the shell and the remotes', async ({ page }) => {
    const vueCopies = new Set<string>()
    page.on('response', async (res) => {
      if (!res.url().endsWith('.js') || res.status() !== 200) return
      // `__vue_app__` is set by Vue's runtime when an app mounts: one file per copy of Vue.
      const body = await res.text().catch(() => '')
      if (body.includes('__vue_app__')) vueCopies.add(new URL(res.url()).pathname)
    })
    await login(page, 'region')
    for (const id of ['deficits', 'throwing-view']) {
      await page.locator(`[data-testid=nav] [data-plugin=${id}]`).click()
      await page.waitForLoadState('networkidle')
    }
    expect([...vueCopies]).toHaveLength(1)
    expect([...vueCopies][0]).toMatch(/^\/assets\//)
  })
})
