import type { Browser, Page } from '@playwright/test'
import { test, expect, login } from './fixtures.ts'

const PERIOD = '2025-26'
/** A Russian date or timestamp as the shell shows them (never ISO). */
const RUSSIAN_TIMESTAMP = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/
const ISO_DATE = /\d{4}-\d{2}-\d{2}/

/** A signed-in page of its own browser context (its own cookies), as a second person at another desk. */
async function signedIn(browser: Browser, baseURL: string, user: string, password = 'demo'): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, locale: 'ru-RU' })).newPage()
  await login(page, user, password)
  return page
}

interface Me {
  regionId: number
  roles: { orgUnit: { id: number; name: string } }[]
}
const me = async (page: Page) => (await (await page.request.get('/api/auth/me')).json()) as Me
const recommendations = (page: Page) => page.getByTestId('recommendation')

test('targeted recommendations: generated, edited, published to a school, acknowledged there and seen by the municipality', async ({
  browser,
  baseURL,
}) => {
  const region = await signedIn(browser, baseURL!, 'region')
  const { regionId } = await me(region)
  const school1 = await signedIn(browser, baseURL!, 'school1')
  const school = (await me(school1)).roles[0]!.orgUnit
  const mun1 = await signedIn(browser, baseURL!, 'mun1')
  const municipality = (await me(mun1)).roles[0]!.orgUnit

  // The region admin generates drafts for the whole region: the list shows them.
  await region.goto(`/recommendations?unit=${regionId}&period=${PERIOD}`)
  await region.getByTestId('recommendations-generate').click()
  // Generating for a whole region's 200 organisations takes seconds on a busy machine.
  await expect(region.getByTestId('recommendations-message')).toContainText('Черновики сформированы', {
    timeout: 60_000,
  })
  const drafts = region.locator('[data-testid=recommendation][data-state=draft]')
  await expect(drafts.first()).toBeVisible()
  await expect(drafts.first().getByTestId('recommendation-state')).toHaveText('черновик')

  // One draft's text is edited by hand; generating again keeps the edit.
  const first = drafts.first()
  const id = await first.getAttribute('data-id')
  const edited = `Провести методический семинар по итогам диагностики (правка ${Date.now()})`
  await first.getByTestId('recommendation-edit').click()
  await first.getByTestId('recommendation-text-input').fill(edited)
  await first.getByTestId('recommendation-save').click()
  const card = region.locator(`[data-testid=recommendation][data-id="${id}"]`)
  await expect(card.getByTestId('recommendation-text')).toHaveText(edited)
  await region.getByTestId('recommendations-generate').click()
  await expect(region.getByTestId('recommendations-message')).toContainText('новых — 0', { timeout: 60_000 })
  await expect(card.getByTestId('recommendation-text')).toHaveText(edited)
  await expect(card.getByText('изменена вручную')).toBeVisible()

  // A recommendation for school1's school: a generated draft if the rules gave one, else written by hand.
  const listed = region.waitForResponse((r) => r.url().includes(`/api/recommendations?orgUnit=${school.id}&`))
  await region.goto(`/recommendations?unit=${school.id}&period=${PERIOD}&state=draft`)
  await listed
  if (!(await recommendations(region).count())) {
    await region.getByTestId('recommendations-create').click()
    const form = region.getByTestId('recommendation-form')
    await form.getByTestId('form-addressee').selectOption('teachers')
    await form.locator(`[data-unit="${school.id}"]`).check()
    await form.getByTestId('form-text').fill('Включить педагогов в программу наставничества.')
    await form.getByTestId('form-submit').click()
    await expect(region.getByTestId('recommendations-message')).toHaveText('Создано черновиков: 1')
  }
  const forSchool = recommendations(region).first()
  const schoolRecommendation = await forSchool.getAttribute('data-id')
  const text = (await forSchool.getByTestId('recommendation-text').textContent())!
  await forSchool.getByTestId('recommendation-publish').click()
  const published = region.locator(`[data-testid=recommendation][data-id="${schoolRecommendation}"]`)
  await expect(published).toHaveAttribute('data-state', 'published')
  await expect(published.getByTestId('recommendation-state')).toHaveText('опубликована')

  // The school sees it on its home page and on the list, and acknowledges it.
  await school1.goto(`/?unit=${school.id}&period=${PERIOD}`)
  await expect(school1.locator('[data-testid=attention] [data-kind=recommendations_to_acknowledge]')).toContainText(
    'Рекомендации ждут вашего ознакомления',
  )
  await school1.goto(`/recommendations?unit=${school.id}&period=${PERIOD}`)
  const mine = school1.locator(`[data-testid=recommendation][data-id="${schoolRecommendation}"]`)
  await expect(mine.getByTestId('recommendation-text')).toHaveText(text)
  await expect(mine.getByTestId('recommendation-edit')).toHaveCount(0)
  await mine.getByTestId('recommendation-acknowledge').click()
  await expect(mine.getByTestId('recommendation-state')).toHaveText('ознакомлены')
  await expect(mine.getByTestId('recommendation-acknowledged')).toContainText('Оператор школы')

  // A sibling school's operator neither sees it nor reads school1's school.
  const children = (await (await mun1.request.get(`/api/org-units/${municipality.id}/children`)).json()) as {
    id: number
  }[]
  const sibling = children.find((c) => c.id !== school.id)!
  const siblingLogin = `sibling${Date.now()}`
  const created = await mun1.request.post('/api/users', {
    data: {
      login: siblingLogin,
      name: 'Оператор соседней школы',
      password: 'sibling-pass-1',
      roles: [{ role: 'school_operator', orgUnit: sibling.id }],
    },
  })
  expect(created.status()).toBe(201)
  // The coordinator writes one by hand to the sibling school, picking schools below target first.
  await mun1.goto(`/recommendations?unit=${municipality.id}&period=${PERIOD}`)
  await mun1.getByTestId('recommendations-create').click()
  const form = mun1.getByTestId('recommendation-form')
  await form.getByTestId('form-addressee').selectOption('school_leadership')
  await form.getByTestId('form-indicator').selectOption('deficits.targeted_pd_share')
  await expect(form.locator('[data-indicator="deficits.targeted_pd_share"]')).toContainText('Адресные программы ПК')
  const analysed = mun1.waitForResponse((r) => r.url().includes('/api/analysis?'))
  await form.getByTestId('form-below-target').click()
  expect((await analysed).status()).toBe(200)
  await form.getByRole('button', { name: 'снять выбор' }).click()
  await form.locator(`[data-unit="${sibling.id}"]`).check()
  await form.getByTestId('form-text').fill('Обсудить на педсовете план адресного повышения квалификации.')
  await form.getByTestId('form-submit').click()
  await expect(mun1.getByTestId('recommendations-message')).toHaveText('Создано черновиков: 1')
  const authoredId = await mun1
    .locator('[data-testid=recommendation][data-state=draft]', { hasText: 'Обсудить на педсовете' })
    .getAttribute('data-id')
  const authored = mun1.locator(`[data-testid=recommendation][data-id="${authoredId}"]`)
  await authored.getByTestId('recommendation-publish').click()
  await expect(authored).toHaveAttribute('data-state', 'published')

  const neighbour = await signedIn(browser, baseURL!, siblingLogin, 'sibling-pass-1')
  const foreign = await neighbour.request.get(`/api/recommendations?orgUnit=${school.id}&period=${PERIOD}`)
  expect(foreign.status()).toBe(403)
  const own = neighbour.waitForResponse((r) => r.url().includes(`/api/recommendations?orgUnit=${sibling.id}&`))
  await neighbour.goto(`/recommendations?unit=${sibling.id}&period=${PERIOD}`)
  expect((await own).status()).toBe(200)
  await expect(neighbour.getByTestId('recommendation').filter({ hasText: 'Обсудить на педсовете' })).toBeVisible()
  await expect(neighbour.locator(`[data-testid=recommendation][data-id="${schoolRecommendation}"]`)).toHaveCount(0)
  await neighbour.context().close()

  // The coordinator sees who acknowledged it and when, in Russian form.
  await mun1.goto(`/recommendations?unit=${municipality.id}&period=${PERIOD}&state=acknowledged`)
  const seen = mun1.locator(`[data-testid=recommendation][data-id="${schoolRecommendation}"]`)
  await expect(seen.getByTestId('recommendation-acknowledged')).toContainText('Оператор школы')
  await expect(seen.getByTestId('recommendation-acknowledged')).toHaveText(RUSSIAN_TIMESTAMP)
  await expect(seen.getByTestId('recommendation-acknowledged')).not.toHaveText(ISO_DATE)

  // The printable list groups what the filter shows by addressee.
  await mun1.getByTestId('recommendations-print').click()
  await expect(mun1.getByTestId('recommendations-print-view')).toContainText(text)
  await expect(mun1.getByTestId('print-item')).toHaveCount(1)

  for (const page of [region, school1, mun1]) await page.context().close()
})

test('each demo role opens its home page with its own «Требует внимания» list', async ({ browser, baseURL }) => {
  const expected: Record<string, string[]> = {
    region: ['not_submitted', 'indicator_not_met'],
    mun1: ['not_submitted'],
    school1: ['indicator_not_met', 'recommendations_to_acknowledge', 'deadline'],
    analyst: ['not_submitted', 'indicator_not_met'],
  }
  for (const [user, kinds] of Object.entries(expected)) {
    const page = await signedIn(browser, baseURL!, user)
    await page.goto(`/?period=${PERIOD}`)
    const list = page.getByTestId('attention')
    await expect(list.getByRole('heading', { name: 'Требует внимания' })).toBeVisible()
    const items = list.locator(kinds.map((k) => `[data-kind=${k}]`).join(', '))
    await expect(items.first(), `${user} sees one of ${kinds.join(', ')}`).toBeVisible()
    // Worded in Russian from the codes, never a raw code or an ISO date.
    await expect(list).not.toContainText('attention.')
    await expect(list).not.toHaveText(ISO_DATE)
    if (user === 'mun1') await expect(items.first()).toContainText('отправили данные')
    // The direction cards stay below.
    await expect(page.locator('[data-direction]').first()).toBeVisible()
    await page.context().close()
  }
})
