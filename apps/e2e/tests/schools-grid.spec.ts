import { test, expect, login } from './fixtures.ts'

const PERIOD = '2025-26'
const RULE = 'Значение не может превышать общее количество педагогов'

interface Value {
  element: string
  option: string | null
  value: unknown
}

test("the municipality's schools grid: each school's state, rules checked on its row, stored yes/no shown in a select", async ({
  page,
}) => {
  await login(page, 'mun1')
  const me = (await (await page.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  const mun = me.roles[0]!.orgUnit.id
  await page.goto(`/entry?unit=${mun}&period=${PERIOD}&plugin=deficits`)
  const grid = page.getByTestId('schools-grid')
  const rows = grid.locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  const school = Number(await rows.first().getAttribute('data-school'))
  const other = Number(await rows.nth(1).getAttribute('data-school'))
  const values = async (id: number) =>
    (
      (await (await page.request.get(`/api/data-values?orgUnit=${id}&period=${PERIOD}&plugin=deficits`)).json()) as {
        values: Value[]
      }
    ).values
  const stored = await values(school)
  const total = (code: string) => stored.find((v) => v.element === code && v.option === null)?.value
  const teachers = total('core.teachers_total') as number
  expect(teachers).toBeGreaterThan(0)

  // Each row shows its school's entry state, as the workflow reports it.
  const states = (await (
    await page.request.get(`/api/submissions?orgUnit=${mun}&period=${PERIOD}&plugin=deficits`)
  ).json()) as { children: { orgUnit: number; state: string }[] }
  const state = states.children.find((c) => c.orgUnit === school)!.state
  await expect(grid.locator(`tr[data-school="${school}"] [data-testid=school-state]`)).toHaveAttribute(
    'data-state',
    state,
  )
  const label = {
    draft: 'черновик',
    submitted: 'отправлено',
    approved: 'утверждено',
    returned: 'возвращено на доработку',
  }
  await expect(grid.locator(`tr[data-school="${school}"] [data-testid=school-state]`)).toHaveText(
    label[state as keyof typeof label],
  )

  // A numerator above the school's own denominator: the manifest's rule on that school's row only.
  await grid.getByTestId('schools-element').selectOption('deficits.iom_built')
  const row = grid.locator(`tr[data-school="${school}"]`)
  const cell = row.getByTestId(`school-cell-${school}-total`)
  const before = await cell.inputValue()
  await expect(row.getByTestId('school-error')).toHaveCount(0)
  await cell.fill(String(teachers + 1))
  await expect(row.getByTestId('school-error')).toHaveText(RULE)
  await expect(cell).toHaveAttribute('aria-invalid', 'true')
  await expect(grid.locator(`tr[data-school="${other}"]`).getByTestId('school-error')).toHaveCount(0)
  await cell.fill(String(teachers))
  await expect(row.getByTestId('school-error')).toHaveCount(0)
  await cell.fill(before)
  await cell.blur()
  await expect(page.getByTestId('save-state')).toHaveText('сохранено')
  await expect
    .poll(async () => (await values(school)).find((v) => v.element === 'deficits.iom_built' && !v.option)?.value)
    .toBe(before === '' ? undefined : Number(before))

  // A yes/no element is a select showing the stored answer (not a blank "—").
  await grid.getByTestId('schools-element').selectOption('deficits.majority_assessed')
  const yesNo = row.locator(`select[data-testid="school-cell-${school}-total"]`)
  await expect(yesNo.locator('option')).toHaveText(['—', 'да', 'нет'])
  const answer = total('deficits.majority_assessed')
  await expect(yesNo).toHaveValue(answer === true ? '1' : answer === false ? '0' : '')
})
