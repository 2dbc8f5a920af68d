/**
 * A formula that cannot be parsed or refers to something unknown. `position` is the 0-based
 * character offset in the formula text; `code` the unknown data element or option, if any.
 *
 * @example
 * try {
 *   parseFormula('#{a.b} +')
 * } catch (e) {
 *   if (e instanceof FormulaError) console.log(e.position, e.reason) // 8 'Expected expression after +'
 * }
 */
export class FormulaError extends Error {
  readonly position: number
  readonly code: string | undefined

  constructor(message: string, position: number, code?: string) {
    super(`${message} (at position ${position + 1})`)
    this.name = 'FormulaError'
    this.position = position
    this.code = code
  }

  /** The message without the position suffix. */
  get reason(): string {
    return this.message.replace(/ \(at position \d+\)$/, '')
  }
}
