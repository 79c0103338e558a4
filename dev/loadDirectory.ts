import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../bot/config';
import { directoryProblems } from '../bot/domain/directory';
import { DirectoryStore } from '../bot/store/directory';
import { connectTables } from '../bot/store/tables';

/**
 * `npm run directory -- <file.json>`: loads the organisation (people, departments with their
 * communicators and mailboxes, the communications chief) into the storage the settings name.
 * The file's shape is docs/directory.example.json. Entries not in the file are left as they are.
 */
const aad = z.string().min(1);
const schema = z.object({
  departments: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), communicatorAadObjectId: aad, mailbox: z.string().optional() })),
  people: z.array(
    z.object({ aadObjectId: aad, name: z.string().min(1), email: z.string(), departmentId: z.string().min(1), title: z.string(), chiefAadObjectId: aad.optional() }),
  ),
  communicationsChiefAadObjectId: aad,
});

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('Usage: npm run directory -- <directory.json> (see docs/directory.example.json)');
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a directory:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  const problems = directoryProblems(parsed.data);
  if (problems.length > 0) throw new Error(`${file} has problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const tables = connectTables(loadConfig().storage);
  await tables.ensureCreated();
  await new DirectoryStore(tables).load(parsed.data);
  console.log(`Loaded ${parsed.data.people.length} people and ${parsed.data.departments.length} departments.`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
