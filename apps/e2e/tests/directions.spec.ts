import { test, expect, login } from './fixtures.ts'

/** The eight monitoring directions, each a plugin with its own federated view. */
const DIRECTIONS = [
  'deficits',
  'retraining',
  'digital-environment',
  'expertise',
  'methodical-asset',
  'mentoring',
  'networking',
  'staffing',
]

test.describe('every direction opens its own view', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, 'region')
  })

  for (const id of DIRECTIONS)
    test(`${id}: the view renders a chart from the analytics, without an error card`, async ({ page }) => {
      await page.locator(`[data-testid=nav] [data-plugin=${id}]`).click()
      await expect(page).toHaveURL(new RegExp(`/d/${id}(\\?|$)`))

      const view = page.locator(`[data-testid=${id}-view]`)
      await expect(view).toBeVisible()
      // ECharts is loaded lazily: the svg appears once the chunk and the data are in.
      await expect(view.locator('[data-testid=chart] svg').first()).toBeVisible()
      await expect(view).not.toContainText('Не удалось загрузить')
      await expect(page.getByTestId('error-card')).toHaveCount(0)
    })
})
