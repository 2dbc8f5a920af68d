import type ru from './ru.ts'

const en: typeof ru = {
  app: { title: 'Profmon', subtitle: "Monitoring of teachers' professional development" },
  nav: { home: 'Overview', indicators: 'Indicators', directions: 'Directions', admin: 'Administration', plugins: 'Directions of the region' },
  picker: { orgUnit: 'Organisation', period: 'Period', search: 'Search by name' },
  session: { logout: 'Log out', language: 'Language' },
  roles: {
    platform_admin: 'platform admin',
    region_admin: 'region admin',
    municipal_coordinator: 'municipal coordinator',
    school_operator: 'school operator',
    analyst: 'analyst',
  },
  home: {
    title: 'Directions at a glance',
    met: 'met',
    partly: 'partly met',
    notMet: 'not met',
    noData: 'no data',
    indicators: '{n} indicators',
    open: 'Open',
    empty: 'No direction is enabled for the region.',
  },
  indicators: {
    title: 'Indicators',
    children: 'By unit: {name}',
    breakdown: 'Breakdown: {name}',
    noChildren: 'This unit has no subordinate units.',
    drill: 'Open',
    empty: 'No indicators at this level.',
    option: 'Option',
  },
  admin: {
    title: 'Monitoring directions of the region',
    hint: "A disabled direction disappears for the region's users on their next navigation; its data is kept.",
    version: 'version {v}',
    indicators: '{n} indicators',
    incompatible: 'incompatible',
    invalid: 'manifest error',
    enabled: 'enabled',
    disabled: 'disabled',
  },
  login: { title: 'Sign in', login: 'Login', password: 'Password', submit: 'Sign in', failed: 'Wrong login or password' },
  notFound: { title: 'Page not found', back: 'Home' },
}
export default en
