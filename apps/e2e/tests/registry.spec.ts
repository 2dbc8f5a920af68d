import { test, expect, login } from './fixtures.ts'

const PERIOD = '2025-26'

test('a school operator adds a teacher, records a diagnostics and builds an ИОМ from it; the analyst sees no name', async ({
  page,
  browser,
}) => {
  await login(page, 'school1')
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    roles: { orgUnit: { id: number; name: string } }[]
  }
  const school = me.roles[0]!.orgUnit
  const surname = `Проверкина${Date.now().toString(36)}`

  await page.getByTestId('nav-teachers').click()
  await expect(page.getByRole('heading', { name: 'Педагогические работники', level: 1 })).toBeVisible()
  await page.goto(`/teachers?unit=${school.id}&period=${PERIOD}`)
  await expect(page.getByTestId('teachers-no-personal')).toHaveCount(0)

  // A new teacher: the form of the organisation, with a subject taught.
  await page.getByTestId('teacher-add').click()
  const form = page.getByTestId('person-form')
  await form.getByTestId('person-surname').fill(surname)
  await form.getByTestId('person-name').fill('Анна')
  await form.getByTestId('person-patronymic').fill('Сергеевна')
  await form.getByTestId('person-birth-date').fill('1996-04-12')
  await form.getByTestId('person-experience-since').fill('2021-09-01')
  await form.locator('[data-subject=math]').check()
  await form.getByTestId('person-save').click()

  // The card opens with the name; the list has the person.
  await expect(page.getByTestId('teacher-name')).toHaveText(`${surname} Анна Сергеевна`)
  await expect(page.getByTestId('teacher-employments')).toContainText(school.name)

  // A diagnostics with two deficits found.
  await page.getByTestId('event-add').click()
  const eventForm = page.getByTestId('event-form')
  await eventForm.getByTestId('event-kind').selectOption('diagnostics')
  await eventForm.getByTestId('event-date').fill('2025-10-06')
  await eventForm.getByTestId('event-instrument').fill('Диагностика ЦНППМ')
  await eventForm.locator('[data-deficit=methodical]').check()
  await eventForm.locator('[data-deficit=digital]').check()
  await eventForm.getByTestId('event-save').click()
  const diagnostics = page.locator('[data-kind=diagnostics]')
  await expect(diagnostics).toHaveCount(1)
  await expect(diagnostics).toContainText('Диагностика ЦНППМ')

  // The ИОМ built from it: one step per deficit, then both ticked off.
  await diagnostics.getByTestId('iom-build').click()
  const builder = page.getByTestId('iom-builder')
  await expect(builder.locator('[data-step]')).toHaveCount(2)
  await builder.getByTestId('iom-starts-on').fill('2025-10-20')
  await builder.getByTestId('iom-save').click()
  const iom = page.locator('[data-kind=iom]')
  await expect(iom.getByTestId('iom-progress')).toHaveText('Выполнено шагов: 0 из 2')
  await expect(diagnostics.getByTestId('iom-build')).toHaveCount(0)
  await iom.getByTestId('iom-edit').click()
  await page.locator('[data-step-done="0"]').fill('2026-02-16')
  await page.locator('[data-step-done="1"]').fill('2026-04-10')
  await page.getByTestId('iom-save').click()
  await expect(iom.getByTestId('iom-progress')).toHaveText('Маршрут пройден')

  // The printable route names the teacher, the basis and the steps.
  await iom.getByTestId('iom-print').click()
  const print = page.getByTestId('iom-print-page')
  await expect(print.getByTestId('iom-print-teacher')).toHaveText(`${surname} Анна Сергеевна`)
  await expect(print).toContainText('диагностика профессиональных дефицитов от 6 октября 2025')
  await expect(print.locator('tbody tr')).toHaveCount(2)

  // The registry's people are in the list; each view of it was audited on the server.
  await page.goto(`/teachers?unit=${school.id}&period=${PERIOD}`)
  await expect(page.getByTestId('teachers')).toContainText(surname)

  // The analyst reads the same school's staff without a single personal field.
  const analystContext = await browser.newContext()
  const analyst = await analystContext.newPage()
  await login(analyst, 'analyst')
  await analyst.goto(`/teachers?unit=${school.id}&period=${PERIOD}`)
  await expect(analyst.getByRole('heading', { name: 'Педагогические работники', level: 1 })).toBeVisible()
  await expect(analyst.getByTestId('teachers-page')).not.toContainText(surname)
  const answer = await analyst.request.get(`/api/teachers?orgUnit=${school.id}`)
  expect(await answer.text()).not.toContain(surname)
  await analystContext.close()
})
