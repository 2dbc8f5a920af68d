/** House style: no semicolons, single quotes, 120 columns (long Russian titles read better unwrapped). */
export default {
  semi: false,
  singleQuote: true,
  printWidth: 120,
  trailingComma: 'all',
}
