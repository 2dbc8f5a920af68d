/**
 * SNILS (страховой номер индивидуального лицевого счёта): 9 digits and a 2-digit check number,
 * written `XXX-XXX-XXX YY`. One rule for the server, the registry's XLSX import and the shell's
 * form: the check number of numbers above 001-001-998 is Σ digitᵢ × (9 − i) over the 9 digits
 * (i from 0); below 100 it is the sum, 100 and 101 give 00, above 101 the sum mod 101 (100 again
 * giving 00).
 */

/**
 * The 11 digits of a SNILS typed with spaces and dashes, or undefined when it is not 11 digits.
 *
 * @example
 * normaliseSnils('112-233-445 95') // '11223344595'
 */
export function normaliseSnils(text: string): string | undefined {
  const digits = String(text).replace(/[\s\u00a0-]/g, '')
  return /^\d{11}$/.test(digits) ? digits : undefined
}

/**
 * The check number of the first 9 digits of a SNILS.
 *
 * @example
 * snilsCheck('112233445') // 95
 */
export function snilsCheck(nine: string): number {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (9 - i)
  if (sum < 100) return sum
  if (sum === 100 || sum === 101) return 0
  const rest = sum % 101
  return rest === 100 ? 0 : rest
}

/**
 * Whether 11 digits are a valid SNILS: numbers up to 001-001-998 carry no check number and pass;
 * later ones must carry {@link snilsCheck} of their 9 digits.
 *
 * @example
 * validSnils('11223344595') // true
 * validSnils('11223344596') // false
 */
export function validSnils(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false
  const nine = digits.slice(0, 9)
  if (Number(nine) <= 1001998) return true
  return snilsCheck(nine) === Number(digits.slice(9))
}

/**
 * A SNILS's 11 digits as people write them.
 *
 * @example
 * formatSnils('11223344595') // '112-233-445 95'
 */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`
}
