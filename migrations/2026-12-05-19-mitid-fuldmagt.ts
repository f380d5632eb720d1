// Log-in as Danish public services do it (issue #19): identities proven by MitID through
// NemLog-in (citizens by CPR, MitID Erhverv employees by CVR), powers of attorney
// (fuldmagter), password reset links and TOTP for staff, and the administrator's switch
// for password log-in by citizens. Frozen in time: never import from server/.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One row per identity at an identity provider; a user may hold several (a person's own
  // MitID and, separately, a MitID Erhverv identity is another user: it acts for a company).
  // CPR only as the keyed look-up hash and encrypted, never in clear.
  await db.schema
    .createTable('eid_identiteter')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('udsteder', 'text', (c) => c.notNull())
    .addColumn('subjekt', 'text', (c) => c.notNull())
    .addColumn('cpr_hash', 'text')
    .addColumn('cpr_krypteret', 'bytea')
    .addColumn('cvr', 'text', (c) => c.check(sql`cvr IS NULL OR cvr ~ '^[0-9]{8}$'`))
    .addColumn('organisation', 'text')
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sidst_logget_ind', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('eid_identiteter_subjekt_uq', ['udsteder', 'subjekt'])
    .execute()
  await db.schema.createIndex('eid_identiteter_user_idx').on('eid_identiteter').column('user_id').execute()

  // Parties are found by CPR hash (indexed since the start) and CVR when a MitID user opens "Mine sager".
  await db.schema.createIndex('parter_cvr_idx').on('parter').column('cvr').where(sql.ref('cvr'), 'is not', null).execute()

  // A power of attorney: a representative (a person by CPR hash or an organisation by CVR)
  // may act for a client (by CPR hash or CVR) from gyldig_fra until gyldig_til.
  await db.schema
    .createTable('fuldmagter')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('fuldmaegtig_cpr_hash', 'text')
    .addColumn('fuldmaegtig_cvr', 'text', (c) => c.check(sql`fuldmaegtig_cvr IS NULL OR fuldmaegtig_cvr ~ '^[0-9]{8}$'`))
    .addColumn('fuldmaegtig_navn', 'text', (c) => c.notNull())
    .addColumn('giver_cpr_hash', 'text')
    .addColumn('giver_cvr', 'text', (c) => c.check(sql`giver_cvr IS NULL OR giver_cvr ~ '^[0-9]{8}$'`))
    .addColumn('giver_navn', 'text', (c) => c.notNull())
    .addColumn('gyldig_fra', 'date', (c) => c.notNull())
    .addColumn('gyldig_til', 'date')
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('oprettet_af', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('tilbagekaldt', 'timestamptz')
    .addCheckConstraint('fuldmagter_fuldmaegtig_en', sql`(fuldmaegtig_cpr_hash IS NULL) <> (fuldmaegtig_cvr IS NULL)`)
    .addCheckConstraint('fuldmagter_giver_en', sql`(giver_cpr_hash IS NULL) <> (giver_cvr IS NULL)`)
    .addCheckConstraint('fuldmagter_periode', sql`gyldig_til IS NULL OR gyldig_til >= gyldig_fra`)
    .execute()
  await db.schema.createIndex('fuldmagter_cpr_idx').on('fuldmagter').column('fuldmaegtig_cpr_hash').execute()
  await db.schema.createIndex('fuldmagter_cvr_idx').on('fuldmagter').column('fuldmaegtig_cvr').execute()

  // Password reset: only the SHA-256 of the e-mailed token is kept; single use, expiring.
  await db.schema
    .createTable('adgangskode_nulstillinger')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('udloeber', 'timestamptz', (c) => c.notNull())
    .addColumn('brugt', 'timestamptz')
    .execute()
  await db.schema.createIndex('adgangskode_nulstillinger_user_idx').on('adgangskode_nulstillinger').column('user_id').execute()

  // TOTP (RFC 6238): the secret encrypted at rest; the last accepted time step, so a code
  // cannot be used twice.
  await db.schema
    .alterTable('users')
    .addColumn('totp_hemmelighed', 'bytea')
    .addColumn('totp_sidste_trin', 'bigint')
    .execute()

  // Settings the administrator changes at run time (one row).
  await db.schema
    .createTable('login_indstillinger')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('borger_adgangskode', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.insertInto('login_indstillinger').values({ id: true }).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_indstillinger').execute()
  await db.schema.alterTable('users').dropColumn('totp_hemmelighed').dropColumn('totp_sidste_trin').execute()
  await db.schema.dropTable('adgangskode_nulstillinger').execute()
  await db.schema.dropTable('fuldmagter').execute()
  await db.schema.dropIndex('parter_cvr_idx').execute()
  await db.schema.dropTable('eid_identiteter').execute()
}
