// The fees (gebyrer) per year, board type and category. They are indexed every year
// (lov om boligforhold § 82 and § 100; almenlejeloven § 102, stk. 1), so they are data an
// administrator maintains, never constants in code. Frozen in time: never import from server/.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gebyrsatser')
    .addColumn('aar', 'smallint', (c) => c.notNull().check(sql`aar BETWEEN 2000 AND 2100`))
    .addColumn('naevn_type', 'text', (c) => c.notNull().check(sql`naevn_type IN ('huslejenaevn', 'beboerklagenaevn')`))
    .addColumn('kategori', 'text', (c) => c.notNull())
    // Whole kroner: the indexed amounts are rounded to whole kroner.
    .addColumn('beloeb_kr', 'integer', (c) => c.notNull().check(sql`beloeb_kr >= 0`))
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opdateret_af', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('gebyrsatser_pk', ['aar', 'naevn_type', 'kategori'])
    // A beboerklagenævn has only the filing fee; the other categories are the lejelov's.
    .addCheckConstraint(
      'gebyrsatser_kategori_check',
      sql`(naevn_type = 'huslejenaevn' AND kategori IN ('indbringelse', 'paragraf_132_stk_2', 'forhaandsgodkendelse', 'udlejer_lejer_faar_medhold'))
        OR (naevn_type = 'beboerklagenaevn' AND kategori = 'indbringelse')`,
    )
    .execute()

  // The known amounts (DOMAIN.md's fee table). 2023 has no beboerklagenævn amount, and
  // 2025 onwards were not found: an administrator enters them.
  const huslejenaevn = (aar: number, indbringelse: number, p132: number, forhaand: number, medhold: number) => [
    { aar, naevn_type: 'huslejenaevn', kategori: 'indbringelse', beloeb_kr: indbringelse },
    { aar, naevn_type: 'huslejenaevn', kategori: 'paragraf_132_stk_2', beloeb_kr: p132 },
    { aar, naevn_type: 'huslejenaevn', kategori: 'forhaandsgodkendelse', beloeb_kr: forhaand },
    { aar, naevn_type: 'huslejenaevn', kategori: 'udlejer_lejer_faar_medhold', beloeb_kr: medhold },
  ]
  await db
    .insertInto('gebyrsatser')
    .values([
      ...huslejenaevn(2023, 345, 576, 4597, 6597),
      ...huslejenaevn(2024, 357, 596, 4552, 6827),
      { aar: 2024, naevn_type: 'beboerklagenaevn', kategori: 'indbringelse', beloeb_kr: 167 },
    ])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gebyrsatser').execute()
}
