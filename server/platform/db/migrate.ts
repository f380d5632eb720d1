// Runs the Kysely migrations in migrations/ (as .ts from the sources, as .js when built).
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely'

class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {}
    for (const file of await fs.readdir(this.folder)) {
      if (!/\.(ts|js)$/.test(file) || file.endsWith('.d.ts')) continue
      const module = (await import(pathToFileURL(path.join(this.folder, file)).href)) as Migration
      migrations[file.replace(/\.(ts|js)$/, '')] = module
    }
    return migrations
  }
}

export function migrationsFolder(): string {
  // This file lives in server/platform/db/ (sources) or dist/server/platform/db/ (built);
  // migrations sit beside server/ in either tree.
  return path.resolve(import.meta.dirname, '..', '..', '..', 'migrations')
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator is schema-agnostic
export async function migrateToLatest(db: Kysely<any>, folder = migrationsFolder()): Promise<MigrationResultSet> {
  // Work lands in parallel: a migration may arrive whose name sorts before one a database
  // already ran. Each migration stands alone (it depends only on the ones named before
  // it), so the late one simply runs; it is never skipped.
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder), allowUnorderedMigrations: true })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}
