export { createTestApp, pluginFolder, TEST_PASSWORD, type Caller, type TestApp, type TestResponse } from './test-app.ts'
export { createFixtureTree, type FixtureTree } from './fixture-tree.ts'
