/**
 * Spreadsheet keys for an entry grid: ↑/↓ and Enter (Shift+Enter up) move between rows, ←/→
 * between columns when the caret is at the edge of the text. Cells are inputs with
 * `data-row` and `data-col` inside one `[data-grid]`.
 */
export function onGridKey(event: KeyboardEvent): void {
  const input = event.target as HTMLInputElement | HTMLSelectElement
  const grid = input.closest('[data-grid]')
  if (!grid) return
  const row = Number(input.dataset.row)
  const col = Number(input.dataset.col ?? 0)
  let target: [number, number] | undefined
  const atStart = !(input instanceof HTMLInputElement) || (input.selectionStart ?? 0) === 0
  const atEnd = !(input instanceof HTMLInputElement) || (input.selectionEnd ?? 0) >= input.value.length
  if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) target = [row + 1, col]
  else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) target = [row - 1, col]
  else if (event.key === 'ArrowRight' && atEnd) target = [row, col + 1]
  else if (event.key === 'ArrowLeft' && atStart) target = [row, col - 1]
  if (!target) return
  const next = grid.querySelector<HTMLElement>(`[data-row="${target[0]}"][data-col="${target[1]}"]`)
  if (!next) return
  event.preventDefault()
  next.focus()
  if (next instanceof HTMLInputElement) next.select()
}
