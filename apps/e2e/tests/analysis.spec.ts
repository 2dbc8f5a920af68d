import type { Page } from '@playwright/test'
import { test, expect, login, demoUnits } from './fixtures.ts'

const PERIOD = '2025-26'
const INDICATOR = 'deficits.diagnosed_share'
const TARGET = 40

interface RawValue {
  element: string
  option: string | null
  value: number | boolean | string | null
}
interface Unit {
  id: number
  name: string
  kind?: string
}

/**
 * `GET` JSON through the page's API context. A keep-alive socket the server closed while the test
 * clicked through the UI resets the next request on it; a GET is safe to send once more.
 */
async function getJson<T>(page: Page, url: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await page.request.get(url)
      expect(res.status(), url).toBe(200)
      return (await res.json()) as T
    } catch (e) {
      if (attempt >= 3 || !/ECONNRESET|socket hang up/.test(String(e))) throw e
    }
  }
}

/** The raw totals (no option) of a unit's deficits elements, as entered: `GET /api/data-values`. */
async function rawTotals(page: Page, unit: number): Promise<Map<string, number>> {
  const { values } = await getJson<{ values: RawValue[] }>(
    page,
    `/api/data-values?orgUnit=${unit}&period=${PERIOD}&plugin=deficits`,
  )
  return new Map(
    values.filter((v) => v.option === null && typeof v.value === 'number').map((v) => [v.element, v.value as number]),
  )
}

/** Σ diagnosed and Σ teachers over a unit and its children (the demo's tree is three levels deep). */
async function subtreeSums(page: Page, unit: number): Promise<{ num: number; den: number }> {
  const children = await getJson<Unit[]>(page, `/api/org-units/${unit}/children`)
  let num = 0
  let den = 0
  for (const id of [unit, ...children.map((c) => c.id)]) {
    const v = await rawTotals(page, id)
    num += v.get('deficits.diagnosed') ?? 0
    den += v.get('core.teachers_total') ?? 0
  }
  return { num, den }
}

// The target in people: ⌈target/100 × Σden⌉ − Σnum, in integers (40 × den is exact, no float noise).
const gapOf = (num: number, den: number) => Math.max(0, Math.ceil((TARGET * den) / 100) - num)
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d-]/g, ''))
const decimal = (text: string | null) => Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', '.'))

async function write(page: Page, unit: number, element: string, value: number): Promise<void> {
  const res = await page.request.post('/api/data-values', {
    data: { values: [{ orgUnit: unit, period: PERIOD, element, option: null, value }] },
  })
  expect(res.status(), await res.text()).toBe(200)
}

test.describe.configure({ mode: 'serial' })

test('a region target set in «Цели» drives the league table: the lagging municipality, its gap in people, its schools', async ({
  page,
}) => {
  await login(page, 'region')
  const { region, municipalities } = await demoUnits(page)

  // «Цели»: the region's own target for the share, replacing the direction's default.
  await page.getByTestId('nav-goals').click()
  await page.goto(`/goals?unit=${region.id}&period=${PERIOD}`)
  const row = page.locator(`tr[data-indicator="${INDICATOR}"]`)
  await expect(row.locator('[data-col=source]')).toHaveText('по умолчанию (направление)')
  await row.getByTestId('target-edit').click()
  const editor = page.getByTestId('target-editor')
  await editor.locator('[data-field=value]').fill(String(TARGET))
  await editor.getByTestId('target-save').click()
  await expect(row.locator('[data-col=target]')).toHaveText(`${TARGET} %`)
  await expect(row.locator('[data-col=source]')).toHaveText(`регион: ${region.name}`)

  // «Анализ» of the region with that indicator; the URL is the picture.
  await page.getByTestId('nav-analysis').click()
  await page.getByTestId('analysis-indicator').selectOption(INDICATOR)
  await expect(page).toHaveURL(new RegExp(`indicator=${INDICATOR.replace('.', '\\.')}`))
  const table = page.getByTestId('league-table')
  await expect(table.locator('tbody tr[data-unit]')).toHaveCount(municipalities.length + 1)

  // The same league table as XLSX.
  const exported = await page.request.get((await page.getByTestId('analysis-export').getAttribute('href'))!)
  expect(exported.status()).toBe(200)
  expect(exported.headers()['content-type']).toContain('spreadsheetml')

  // Sorted by value, highest first: the municipality with the lowest Σnum / Σden is at the bottom.
  await table.locator('[data-sort=value]').click()
  await expect(page).toHaveURL(/sort=value\.desc/)
  const sums = new Map<number, { num: number; den: number }>()
  for (const m of municipalities) sums.set(m.id, await subtreeSums(page, m.id))
  const lagging = [...sums.entries()].sort(([, a], [, b]) => a.num / a.den - b.num / b.den)[0]!
  const bottom = table.locator('tbody tr[data-unit]').last()
  await expect(bottom).toHaveAttribute('data-unit', String(lagging[0]))
  const expectedGap = gapOf(lagging[1].num, lagging[1].den)
  expect(expectedGap).toBeGreaterThan(0)
  expect(digits(await bottom.locator('[data-col=gap]').textContent())).toBe(expectedGap)
  await expect(table.locator('th', { hasText: 'Не хватает, чел.' })).toBeVisible()

  // Drill down: each school's shortfall from its own raw values; the lagging schools' parts add up to 100 %.
  await bottom.locator('a').click()
  await expect(page).toHaveURL(new RegExp(`unit=${lagging[0]}(&|$)`))
  await expect(page.getByTestId('league-parent')).toHaveAttribute('data-unit', String(lagging[0]))
  const schools = await getJson<Unit[]>(page, `/api/org-units/${lagging[0]}/children`)
  await expect(table.locator('tbody tr[data-unit]')).toHaveCount(schools.length + 1)
  let parts = 0
  let lagginSchools = 0
  for (const s of schools) {
    const v = await rawTotals(page, s.id)
    const num = v.get('deficits.diagnosed')
    const den = v.get('core.teachers_total')
    const line = table.locator(`tbody tr[data-unit="${s.id}"]`)
    if (num === undefined || !den) {
      await expect(line.locator('[data-col=value]')).toHaveText('нет данных')
      continue
    }
    const gap = gapOf(num, den)
    expect(digits(await line.locator('[data-col=gap]').textContent()), s.name).toBe(gap)
    if (gap > 0) {
      lagginSchools++
      parts += decimal(await line.locator('[data-col=gapShare]').textContent())
    }
  }
  expect(lagginSchools).toBeGreaterThan(0)
  expect(Math.abs(parts - 100)).toBeLessThanOrEqual(0.1)

  // Filters: only the schools that have not met the target remain.
  await page.locator('[data-filter=notMet]').check()
  await expect(table.locator('tbody tr[data-unit]:not([data-testid=league-parent])')).toHaveCount(
    await table.locator('tbody tr[data-status=not_met], tbody tr[data-status=partly_met]').count(),
  )
})

test("a coordinator's laxer target is refused at the field, in Russian", async ({ page }) => {
  await login(page, 'mun1')
  const me = await getJson<{ roles: { orgUnit: Unit }[] }>(page, '/api/auth/me')
  const municipality = me.roles[0]!.orgUnit
  await page.goto(`/goals?unit=${municipality.id}&period=${PERIOD}`)
  const row = page.locator(`tr[data-indicator="${INDICATOR}"]`)
  await row.getByTestId('target-edit').click()
  const editor = page.getByTestId('target-editor')
  await editor.locator('[data-field=value]').fill('10')
  await editor.getByTestId('target-save').click()
  await expect(editor.locator('[data-problem=value]')).toHaveText(
    `Цель не может быть ниже цели региона (${TARGET}): регион не разрешил менее строгие цели`,
  )
  // A stricter one is taken, and its source is the municipality.
  await editor.locator('[data-field=value]').fill('45')
  await editor.getByTestId('target-save').click()
  await expect(row.locator('[data-col=source]')).toHaveText(`муниципалитет: ${municipality.name}`)
  const removed = await page.request.put('/api/targets', {
    data: { indicator: INDICATOR, period: PERIOD, orgUnit: municipality.id, value: null },
  })
  expect(removed.status()).toBe(200)
  // The region's target goes too: later specs see the demo's own targets.
  await login(page, 'region')
  const { region } = await demoUnits(page)
  const cleared = await page.request.put('/api/targets', {
    data: { indicator: INDICATOR, period: PERIOD, orgUnit: region.id, value: null },
  })
  expect(cleared.status()).toBe(200)
})

test('«Скопировать цели на следующий период» copies the targets set and says how many', async ({ page }) => {
  await login(page, 'region')
  const { region } = await demoUnits(page)
  const code = 'deficits.iom_share'
  await page.goto(`/goals?unit=${region.id}&period=2024-25`)
  const row = page.locator(`tr[data-indicator="${code}"]`)
  await row.getByTestId('target-edit').click()
  await page.getByTestId('target-editor').locator('[data-field=value]').fill('25')
  await page.getByTestId('target-save').click()
  await expect(row.locator('[data-col=source]')).toHaveText(`регион: ${region.name}`)
  try {
    await page.getByTestId('targets-copy').click()
    await expect(page.getByTestId('targets-copy-result')).toHaveText(
      'Цели скопированы на 2025/2026 учебный год: 1; уже были заданы и сохранены: 0.',
    )
    await page.goto(`/goals?unit=${region.id}&period=${PERIOD}`)
    await expect(row.locator('[data-col=target]')).toHaveText('25 %')
  } finally {
    for (const period of ['2024-25', PERIOD])
      await page.request.put('/api/targets', { data: { indicator: code, period, orgUnit: region.id, value: null } })
  }
})

test('a planted outlier is flagged with a link to the entry form; an ordinary value is not', async ({ page }) => {
  await login(page, 'region')
  const { municipalities } = await demoUnits(page)
  const municipality = municipalities.at(-1)!
  const children = await getJson<Unit[]>(page, `/api/org-units/${municipality.id}/children`)
  const [peer, planted] = children.filter((c) => c.kind === 'school')
  const peerValue = (await rawTotals(page, peer!.id)).get('core.teachers_total')!
  const plantedBefore = (await rawTotals(page, planted!.id)).get('core.teachers_total')!
  try {
    await write(page, planted!.id, 'core.teachers_total', peerValue * 50)
    await write(page, peer!.id, 'core.teachers_total', peerValue + 1)

    await page.goto(`/analysis?unit=${municipality.id}&period=${PERIOD}&indicator=${INDICATOR}&tab=quality`)
    await expect(page.getByTestId('data-quality')).toContainText('подсказки для проверки, а не ошибки')
    const outliers = page.locator('[data-reason=outlier] [data-testid=quality-flag]')
    const flag = outliers.and(page.locator(`[data-unit="${planted!.id}"][data-element="core.teachers_total"]`))
    await expect(flag).toHaveCount(1)
    await expect(flag.locator('[data-col=value]')).toHaveText(new Intl.NumberFormat('ru-RU').format(peerValue * 50))
    await expect(flag.getByRole('link')).toHaveAttribute(
      'href',
      `/entry?unit=${planted!.id}&period=${PERIOD}&plugin=deficits`,
    )
    await expect(
      outliers.and(page.locator(`[data-unit="${peer!.id}"][data-element="core.teachers_total"]`)),
    ).toHaveCount(0)
  } finally {
    await write(page, planted!.id, 'core.teachers_total', plantedBefore)
    await write(page, peer!.id, 'core.teachers_total', peerValue)
  }
})

test('a published conclusion keeps its figures when the data changes; a stale save is not overwritten', async ({
  page,
}) => {
  await login(page, 'region')
  const { municipalities } = await demoUnits(page)
  const municipality = municipalities[1]!
  const children = await getJson<Unit[]>(page, `/api/org-units/${municipality.id}/children`)
  const school = children.find((c) => c.kind === 'school')!
  const before = await rawTotals(page, school.id)
  const num = before.get('deficits.diagnosed')!
  const den = before.get('core.teachers_total')!
  const url = `/analysis?unit=${municipality.id}&period=${PERIOD}&indicator=${INDICATOR}`
  const shown = (n: number, d: number) =>
    `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format((n / d) * 100)} %`

  await page.goto(`${url}&tab=conclusion`)
  const editor = page.getByTestId('conclusion-editor')
  const texts = editor.locator('textarea')
  await texts.first().fill('Показатель <b>не</b> выполнен: ')
  await editor.getByTitle('Добавить фрагмент').first().click()
  await texts.nth(1).fill(municipality.name)
  await editor.getByTitle('Полужирный').nth(1).click()
  await editor.getByRole('button', { name: 'Добавить маркированный список' }).click()
  await texts.nth(2).fill('провести диагностику в школах с отставанием')
  await page.getByTestId('conclusion-save').click()
  await expect(page.getByTestId('conclusion-state')).toHaveText('Черновик сохранён')
  await page.getByTestId('conclusion-publish').click()
  await expect(page.getByTestId('conclusion-state')).toHaveText('Опубликовано')

  const published = page.getByTestId('conclusion-published')
  const today = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date())
  await expect(published.getByTestId('conclusion-published-meta')).toHaveText(`Опубликовано ${today}, автор: region`)
  // User text is text: the angle brackets are shown, not turned into markup.
  await expect(published.getByTestId('rich-text')).toContainText('Показатель <b>не</b> выполнен:')
  await expect(published.locator('strong', { hasText: municipality.name })).toBeVisible()
  await expect(published.locator('ul li')).toHaveText('провести диагностику в школах с отставанием')
  const figure = published.locator(`[data-testid=conclusion-figures] tr[data-unit="${school.id}"]`)
  await expect(figure.locator('[data-col=value]')).toHaveText(shown(num, den))

  try {
    // The data changes after publication: the analysis shows the new value, the conclusion the old one.
    await write(page, school.id, 'deficits.diagnosed', Math.max(0, num - 5))
    await page.goto(url)
    await expect(page.locator(`[data-testid=league-table] tr[data-unit="${school.id}"] [data-col=value]`)).toHaveText(
      shown(Math.max(0, num - 5), den),
    )
    await page.goto(`${url}&tab=conclusion`)
    await expect(figure.locator('[data-col=value]')).toHaveText(shown(num, den))

    // Someone else saves meanwhile: the editor says so and offers the saved version instead of overwriting it.
    await texts.first().fill('Моя правка')
    const list = await getJson<{ items: { version: number }[] }>(
      page,
      `/api/conclusions?orgUnit=${municipality.id}&period=${PERIOD}&plugin=deficits`,
    )
    const theirs = await page.request.put('/api/conclusions', {
      data: {
        orgUnit: municipality.id,
        period: PERIOD,
        plugin: 'deficits',
        body: { blocks: [{ type: 'paragraph', runs: [{ text: 'Правка коллеги' }] }] },
        version: list.items[0]!.version,
      },
    })
    expect(theirs.status()).toBe(200)
    await page.getByTestId('conclusion-save').click()
    await expect(page.getByTestId('conclusion-conflict')).toContainText('сохранил кто-то другой')
    await page.getByRole('button', { name: 'Загрузить сохранённую версию' }).click()
    await expect(texts.first()).toHaveValue('Правка коллеги')
  } finally {
    await write(page, school.id, 'deficits.diagnosed', num)
  }
})

test('an analyst reads the analysis and the published conclusion but edits nothing', async ({ page }) => {
  await login(page, 'analyst')
  await expect(page.getByTestId('nav-goals')).toHaveCount(0)
  const { municipalities } = await demoUnits(page)
  await page.goto(`/analysis?unit=${municipalities[1]!.id}&period=${PERIOD}&indicator=${INDICATOR}&tab=conclusion`)
  await expect(page.getByTestId('conclusion-published')).toBeVisible()
  await expect(page.getByTestId('conclusion-editor')).toHaveCount(0)
})
