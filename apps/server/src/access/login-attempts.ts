import { sql, type Database, type Kysely } from '@profmon/db'

/** Failures are counted over the last 15 minutes… */
export const LOGIN_WINDOW_SECONDS = 15 * 60
/** …at most 5 per account (since its last successful sign-in)… */
export const MAX_FAILURES_PER_LOGIN = 5
/** …and 20 per client address, whatever logins it tries. */
export const MAX_FAILURES_PER_ADDRESS = 20

/**
 * Seconds until the account or the address may try again, or undefined when it may now. Read
 * from the database, so every replica counts the same failures. The wait ends when the failure
 * that reached the limit leaves the window.
 */
export async function loginRetryAfter(
  db: Kysely<Database>,
  login: string,
  address: string,
): Promise<number | undefined> {
  const { rows } = await sql<{ wait: number | null }>`
    select greatest(
      (select extract(epoch from f.at + make_interval(secs => ${LOGIN_WINDOW_SECONDS}) - now())
         from login_attempt f
        where f.login = ${login} and not f.success
          and f.at > now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})
          and f.at > coalesce((select max(s.at) from login_attempt s where s.login = ${login} and s.success), '-infinity')
        order by f.at desc offset ${MAX_FAILURES_PER_LOGIN - 1} limit 1),
      (select extract(epoch from f.at + make_interval(secs => ${LOGIN_WINDOW_SECONDS}) - now())
         from login_attempt f
        where f.address = ${address} and not f.success
          and f.at > now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})
        order by f.at desc offset ${MAX_FAILURES_PER_ADDRESS - 1} limit 1)
    ) as wait
  `.execute(db)
  const wait = rows[0]?.wait
  return wait === null || wait === undefined ? undefined : Math.max(1, Math.ceil(Number(wait)))
}

/**
 * Records an attempt. Refused (rate-limited) attempts are not recorded: a lockout then ends 15
 * minutes after the last counted failure instead of being extended by whoever keeps knocking.
 */
export async function recordLoginAttempt(
  db: Kysely<Database>,
  attempt: { login: string; address: string; success: boolean },
): Promise<void> {
  await db.insertInto('login_attempt').values(attempt).execute()
  // Older attempts count for nothing; successful sign-ins sweep them (rare enough to be cheap).
  if (attempt.success)
    await db
      .deleteFrom('login_attempt')
      .where(sql<boolean>`at < now() - interval '1 day'`)
      .execute()
}
