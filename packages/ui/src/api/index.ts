export { ApiRequestError, errorOf, onUnauthorized } from './errors.ts'
export { apiClient, get, post, put, del, hrefOf, query } from './client.ts'
export type * from './types.ts'
export type { paths, components } from './schema.ts'
