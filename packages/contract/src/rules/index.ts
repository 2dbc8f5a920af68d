/**
 * Rules that the server, the XLSX import and the shell all apply, in one place: who may do what,
 * the entry workflow and its locks, value checks, the campaign's default deadlines. Free of side
 * effects and of the formula parser, so a browser chunk pays only for what it calls. Also the SNILS
 * check number of the teacher registry.
 */
export * from './access.ts'
export * from './deadlines.ts'
export * from './values.ts'
export * from './workflow.ts'
export * from './targets.ts'
export * from './effectiveness.ts'
export * from './snils.ts'
