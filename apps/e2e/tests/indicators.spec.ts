import { test, expect, login, demoUnits } from './fixtures.ts'

test('the indicator table shows what the analytics API computes, and drills down to a school', async ({ page }) => {
  await login(page, 'region')
  const { municipalities } = await demoUnits(page)
  const municipality = municipalities[0]!
  const period = '2025-26'
  const api = (await (
    await page.request.get(
      `/api/analytics?orgUnit=${municipality.id}&period=${period}&indicator=deficits.diagnosed_share`,
    )
  ).json()) as { rows: { option: string | null; value: number; numerator: number; denominator: number }[] }
  const total = api.rows.find((r) => r.option === null)!

  await page.goto(`/indicators?unit=${municipality.id}&period=${period}`)
  const row = page.locator('[data-testid=indicator-table] [data-indicator="deficits.diagnosed_share"]')
  const shown = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(total.value)
  await expect(row.locator('[data-col=value]')).toContainText(`${shown} %`)
  await expect(row).toContainText(
    `${new Intl.NumberFormat('ru-RU').format(total.numerator)} / ${new Intl.NumberFormat('ru-RU').format(total.denominator)}`,
  )

  // Drill down: the municipality's schools, then one school.
  await row.click()
  const children = page.getByTestId('children-table')
  const first = children.locator('tbody tr').first()
  const school = (await first.locator('a').textContent())!.trim()
  await first.locator('a').click()
  await expect(page.getByTestId('breadcrumbs')).toContainText(school)
  await expect(page.getByTestId('breadcrumbs')).toContainText(municipality.name)
  await expect(page).toHaveURL(/unit=\d+/)
  await expect(page.locator('[data-indicator="deficits.diagnosed_share"] [data-col=value]')).toBeVisible()
})
