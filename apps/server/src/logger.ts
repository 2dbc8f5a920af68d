import pino from 'pino'

/** Structured JSON logs; pretty in a terminal, JSON otherwise (and always under CI). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  const pretty = process.stdout.isTTY && !process.env.CI
  return pino({
    level,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  })
}

export type Logger = pino.Logger
