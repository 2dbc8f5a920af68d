/**
 * What the plugin host logs through: structured details first, then the message — the shape of
 * pino's methods, so the server passes its logger as is and a script passes {@link consoleLogger}.
 */
export interface HostLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

/**
 * For scripts: warnings and refusals on stderr, one line each; nothing for info.
 *
 * @example
 * const found = await discoverPlugins(pluginRoots(), consoleLogger)
 */
export const consoleLogger: HostLogger = {
  info() {},
  warn: (_details, message) => console.warn(message),
  error: (_details, message) => console.error(message),
}
