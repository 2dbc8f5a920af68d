import { sql, type Database, type Kysely, type Transaction } from '@profmon/db'
import { snilsHash } from './pd-crypto.ts'
import { nameKey, type CheckedPerson } from './person-fields.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The person of the region a new record is: the one with the same SNILS (by its keyed hash), or
 * — when the record has no SNILS or no one has it — the one with the same surname, name,
 * patronymic and birth date who has no other SNILS. A SNILS held by someone of another name or
 * birth date is an error; so are two namesakes born the same day.
 */
export async function matchPerson(
  db: Db,
  regionId: number,
  p: Pick<CheckedPerson, 'surname' | 'name' | 'patronymic' | 'birthDate' | 'snils'>,
): Promise<MatchResult> {
  const hash = p.snils ? snilsHash(p.snils) : null
  const candidates = await matchCandidates(db, regionId, [p.birthDate], hash ? [hash] : [])
  return matchAmong(candidates, p, hash)
}

/** A person of the registry as matching sees them. */
export interface MatchCandidate {
  id: number
  surname: string
  name: string
  patronymic: string | null
  birth_date: string
  snils_hash: string | null
}

export type MatchResult = { id: number } | { error: 'snils_taken' | 'ambiguous' } | undefined

/** The people of a region (not anonymised) born on one of the days or holding one of the SNILS hashes. */
export async function matchCandidates(
  db: Db,
  regionId: number,
  birthDates: readonly string[],
  hashes: readonly string[],
  onlyIds?: readonly number[],
): Promise<MatchCandidate[]> {
  if (!birthDates.length && !hashes.length) return []
  if (onlyIds && !onlyIds.length) return []
  return db
    .selectFrom('person')
    .select(['id', 'surname', 'name', 'patronymic', 'birth_date', 'snils_hash'])
    .where('region_id', '=', regionId)
    .where('anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(birthDates.length ? [sql<boolean>`birth_date = any(${[...new Set(birthDates)]}::date[])`] : []),
        ...(hashes.length ? [sql<boolean>`snils_hash = any(${[...new Set(hashes)]}::text[])`] : []),
      ]),
    )
    .$if(onlyIds !== undefined, (q) => q.where(sql<boolean>`id = any(${[...onlyIds!]}::int[])`))
    .execute()
}

interface CandidateIndex {
  byHash: Map<string, MatchCandidate>
  byDate: Map<string, MatchCandidate[]>
}

// Built once per candidate list: an import matches thousands of rows against the same list.
const indexes = new WeakMap<readonly MatchCandidate[], CandidateIndex>()

function indexOf(list: readonly MatchCandidate[]): CandidateIndex {
  let index = indexes.get(list)
  if (!index) {
    index = { byHash: new Map(), byDate: new Map() }
    for (const c of list) {
      if (c.snils_hash) index.byHash.set(c.snils_hash, c)
      const day = index.byDate.get(c.birth_date)
      if (day) day.push(c)
      else index.byDate.set(c.birth_date, [c])
    }
    indexes.set(list, index)
  }
  return index
}

/**
 * {@link matchPerson} among candidates already read (an import matches all its rows from one
 * read). The list must not change once matched against.
 */
export function matchAmong(
  candidates: readonly MatchCandidate[],
  p: Pick<CheckedPerson, 'surname' | 'name' | 'patronymic' | 'birthDate'>,
  hash: string | null,
): MatchResult {
  const index = indexOf(candidates)
  const same = (c: MatchCandidate) => samePerson({ ...c, birthDate: c.birth_date }, p)
  if (hash) {
    const bySnils = index.byHash.get(hash)
    if (bySnils) return same(bySnils) ? { id: bySnils.id } : { error: 'snils_taken' }
  }
  // A record with a SNILS is never someone who holds another SNILS; one without may be anyone of that name.
  const byName = (index.byDate.get(p.birthDate) ?? []).filter(
    (c) => (hash === null || c.snils_hash === null) && same(c),
  )
  if (byName.length > 1) return { error: 'ambiguous' }
  return byName[0] ? { id: byName[0].id } : undefined
}

type Named = { surname: string; name: string; patronymic?: string | null; birthDate: string }

/**
 * Whether two records name the same person: surname, name and birth date equal (case, ё/е and
 * spaces aside); the patronymic too, unless one of them has none (a file that leaves it out).
 */
export function samePerson(a: Named, b: Named): boolean {
  if (a.birthDate !== b.birthDate || nameKey(a.surname) !== nameKey(b.surname) || nameKey(a.name) !== nameKey(b.name))
    return false
  const pa = nameKey(a.patronymic)
  const pb = nameKey(b.patronymic)
  return !pa || !pb || pa === pb
}

export const MATCH_MESSAGES = {
  snils_taken: 'this SNILS belongs to a person of another name or birth date in the region’s registry',
  ambiguous: 'several people of the region have this name and birth date; give the SNILS',
} as const
