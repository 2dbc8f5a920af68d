import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { extractText, getDocumentProxy } from 'unpdf'
import { test, expect, login } from './fixtures.ts'

const PERIOD = '2025-26'
const INDICATOR = 'deficits.diagnosed_share'

/** Whether a command is on PATH (pdftoppm renders the pages when the machine has it). */
function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

test('the coordinator orders a PDF report, watches its progress and downloads it with the analytics figures', async ({
  page,
}, testInfo) => {
  await login(page, 'mun1')
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    roles: { orgUnit: { id: number; name: string } }[]
  }
  const unit = me.roles[0]!.orgUnit

  await page.getByTestId('nav-reports').click()
  await expect(page.getByRole('heading', { name: 'Аналитические справки', level: 1 })).toBeVisible()
  await page.goto(`/reports?unit=${unit.id}&period=${PERIOD}`)
  await page.getByTestId('report-format-pdf').check()
  await page.getByTestId('report-order').click()

  // The job answers at once; the page shows it queued or its progress until the file is there.
  const progress = page.getByTestId('report-progress')
  await expect(progress.or(page.locator('[data-testid=report-row][data-status=done]')).first()).toBeVisible()
  const done = page.locator('[data-testid=report-row][data-status=done]').first()
  await expect(done).toBeVisible({ timeout: 45_000 })
  await expect(done).toContainText('PDF')
  await expect(done).toContainText(/\d+(,\d)? КБ/)
  await expect(progress).toHaveCount(0)

  const [download] = await Promise.all([page.waitForEvent('download'), done.getByTestId('report-download').click()])
  const periods = (await (await page.request.get('/api/periods')).json()) as { code: string; title: string }[]
  const periodTitle = periods.find((p) => p.code === PERIOD)!.title
  expect(download.suggestedFilename()).toBe(
    `Аналитическая справка — ${unit.name} — ${periodTitle.replace('/', '-')}.pdf`,
  )
  const file = testInfo.outputPath('report.pdf')
  await download.saveAs(file)
  const bytes = new Uint8Array(await readFile(file))

  // Cyrillic renders: the PDF embeds DejaVu Sans (a subset) rather than a standard font without Cyrillic.
  expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/)
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
  const squeezed = text.replace(/\s+/g, '')
  expect(text).toContain('Аналитическая справка')
  expect(squeezed).toContain(unit.name.replace(/\s+/g, ''))
  // The municipality's share as the analytics endpoint computes it, written the Russian way.
  const { rows } = (await (
    await page.request.get(`/api/analytics?orgUnit=${unit.id}&period=${PERIOD}&indicator=${INDICATOR}`)
  ).json()) as { rows: { option: string | null; value: number | null }[] }
  const value = rows.find((r) => r.option === null)!.value
  const shown = value === null ? '—' : `${new Intl.NumberFormat('ru', { maximumFractionDigits: 1 }).format(value)} %`
  expect(squeezed).toContain(shown.replace(/\s+/g, ''))

  // CI installs poppler-utils: there the pages must render; elsewhere they render when pdftoppm is there.
  if (process.env.CI) expect(has('pdftoppm'), 'pdftoppm (poppler-utils) is installed on CI').toBe(true)
  if (has('pdftoppm')) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', file, testInfo.outputPath('report-page')])
    const pages = readdirSync(testInfo.outputDir).filter((f) => /^report-page-\d+\.png$/.test(f))
    expect(pages.length).toBeGreaterThan(0)
    expect(statSync(join(testInfo.outputDir, pages.sort()[0]!)).size).toBeGreaterThan(10_000)
    testInfo.annotations.push({ type: 'pages', description: testInfo.outputPath('report-page-*.png') })
  } else testInfo.annotations.push({ type: 'note', description: 'pdftoppm is not installed: pages not rendered' })
})
