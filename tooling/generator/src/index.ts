export { generateRegion } from './generate-region.ts'
export { hasData } from './has-data.ts'
export { academicYears, DEFAULTS, type GenerateOptions, type GenerateResult, type PeriodSpec } from './options.ts'
export { planOrgTree, type PlannedMunicipality, type PlannedUnit } from './plan-org-tree.ts'
