import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { GraphUser } from './graph';

/**
 * A municipality-sized organisation in Graph's user shape, for `npm start -- --org FILE` and the
 * tests at scale: one director, a head for each department, a chief for every twenty people of a
 * department, everyone but the director with a manager. The same arguments always give the same people.
 */
const departments = [
  'Kultur- och fritidsförvaltningen', 'Kommunledningsförvaltningen', 'Utbildningsförvaltningen', 'Socialförvaltningen',
  'Vård- och omsorgsförvaltningen', 'Samhällsbyggnadsförvaltningen', 'Arbetsmarknads- och vuxenutbildningsförvaltningen',
  'Förskoleförvaltningen', 'Gymnasieförvaltningen', 'Miljöförvaltningen', 'Tekniska förvaltningen', 'Serviceförvaltningen',
  'Stadsbyggnadsförvaltningen', 'Fastighetsförvaltningen', 'Räddningstjänsten', 'Överförmyndarförvaltningen',
  'Lönecenter', 'Kontaktcenter', 'Upphandlingsenheten', 'Näringslivsenheten', 'Bibliotek Botkyrka', 'Kulturskolan',
  'Fritidsgårdarna', 'Integrationsenheten', 'Demokratienheten',
];
const first = ['Anna', 'Erik', 'Maria', 'Karl', 'Sara', 'Lars', 'Elin', 'Johan', 'Fatima', 'Ali', 'Emma', 'Mohammed', 'Lina', 'Ahmed', 'Sofia', 'Per', 'Amira', 'Nils', 'Hanna', 'Omar', 'Ida', 'Jonas', 'Leyla', 'Mikael'];
const last = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Hassan', 'Yilmaz', 'Ali', 'Ibrahim', 'Lindberg', 'Berg', 'Lind', 'Haddad', 'Sjöberg', 'Ek'];

/** A stable GUID for the `n`th person of an organisation. */
const idOf = (n: number) => {
  const h = createHash('sha1').update(`kanalkoll-org-${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export function generateOrg(size: number): GraphUser[] {
  const people: GraphUser[] = [];
  const add = (department: string, jobTitle: string, manager?: string): string => {
    const n = people.length;
    const displayName = `${first[n % first.length]} ${last[Math.floor(n / first.length) % last.length]}`;
    const mail = `${displayName.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '.')}.${n}@botkyrka.se`;
    people.push({ id: idOf(n), displayName, mail, jobTitle, department, accountEnabled: true, manager: manager ? { id: manager } : null });
    return idOf(n);
  };
  const director = add('Kommunledningsförvaltningen', 'Kommundirektör');
  const heads = departments.map((d) => add(d, 'Förvaltningschef', director));
  // Per department, a new chief for each twentieth person; the others work under their department's latest chief.
  const latestChief = new Map<string, string>();
  const staff = new Map<string, number>();
  for (let i = 0; people.length < size; i++) {
    const d = i % departments.length;
    const department = departments[d]!;
    const n = staff.get(department) ?? 0;
    staff.set(department, n + 1);
    if (n % 20 === 0) latestChief.set(department, add(department, 'Enhetschef', heads[d]));
    else add(department, ['Handläggare', 'Kommunikatör', 'Pedagog', 'Fritidsledare', 'Bibliotekarie', 'Undersköterska'][i % 6]!, latestChief.get(department));
  }
  return people.slice(0, size);
}

if (require.main === module) {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '6000' }, out: { type: 'string', default: 'org.json' } } });
  const people = generateOrg(Number(values.people));
  writeFileSync(values.out, `${JSON.stringify(people, null, 1)}\n`);
  console.log(`Wrote ${people.length} people in ${departments.length} departments (${people.filter((p) => p.jobTitle === 'Enhetschef').length} chiefs) to ${values.out}.`);
}
