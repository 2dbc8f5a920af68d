// One formatter for every surface: the server's reports format numbers exactly like the shell.
export { change, formatDate, formatValue, type DateStyle } from '@profmon/contract/format'
