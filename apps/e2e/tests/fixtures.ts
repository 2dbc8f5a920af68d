import { readFileSync } from 'node:fs'
import { test as base, expect, type Page } from '@playwright/test'

/** Tests run against the server started by global-setup (its URL is in the environment). */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL ?? readFileSync(new URL('../.server-url', import.meta.url), 'utf8'))
  },
})
export { expect }

/** Signs in through the login page as a demo user (password `demo`) and waits for the shell. */
export async function login(page: Page, user: string, password = 'demo'): Promise<void> {
  await page.goto('/login')
  await page.locator('#login').fill(user)
  await page.locator('#password').fill(password)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByTestId('nav')).toBeVisible()
}

/** The first municipality of the demo region and its first school, as the API lists them. */
export async function demoUnits(page: Page) {
  const [region] = (await (await page.request.get('/api/org-units')).json()) as { id: number; name: string }[]
  const municipalities = (await (await page.request.get(`/api/org-units/${region!.id}/children`)).json()) as {
    id: number
    name: string
  }[]
  return { region: region!, municipalities }
}
