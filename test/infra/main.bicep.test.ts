import { readFileSync } from 'node:fs';
import path from 'node:path';
import { archiveContainer } from '../../bot/store/archive';
import { exportsContainer } from '../../bot/store/exports';
import { queueNames } from '../../bot/store/queues';
import { auditTrailContainer } from '../../bot/store/sealedAudit';
import { Bicep, property } from '../support/bicep';

/**
 * What infra/main.bicep grants the function app's identity and how it keeps the public records,
 * read from the template's text (no Bicep compiler can be installed here: README, Deploy).
 */
const bicep = new Bicep(readFileSync(path.join(__dirname, '..', '..', 'infra', 'main.bicep'), 'utf8'));

/** Built-in role definitions (the same ids in every tenant). */
const role = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  storageAccountContributor: '17d1049b-9a84-46fb-8f53-869881c3d3ab',
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  blobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a',
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  metricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
};
const unquoted = (text: string | undefined) => text?.replace(/^'|'$/g, '');

/** A role id as written: a literal, or a property of a `var` object (`roles.blobDataContributor`). */
const roleIdOf = (written: string) => (written.startsWith("'") ? unquoted(written) : unquoted(property(bicep.variable(written.split('.')[0]!).slice(1, -1), written.split('.')[1]!)));

/** Each role assignment: which role, to whom, and on what (the kind of resource and the names it covers). */
const grants = () =>
  bicep
    .resources()
    .filter((r) => r.type.startsWith('Microsoft.Authorization/roleAssignments@'))
    .flatMap((assignment) => {
      const definition = property(assignment.body, 'properties.roleDefinitionId') ?? '';
      const written = /,\s*([\w.]+|'[^']*')\s*\)$/.exec(definition)?.[1] ?? definition;
      // `[for role in [roles.a, roles.b]: …]`: one grant per role listed.
      const roleIds = assignment.loop?.item === written ? (assignment.loop.over.slice(1, -1).split(',').map((r) => roleIdOf(r.trim()))) : [roleIdOf(written)];
      const scope = property(assignment.body, 'scope') ?? 'resourceGroup';
      const [, scopePath, index] = /^([\w:]+)(?:\[(\w+)\])?$/.exec(scope) ?? [];
      const target = bicep.resource(scopePath!);
      const kind = target.type.split('@')[0]!.split('/').at(-1)!;
      const all = target.loop ? bicep.strings(bicep.variable(target.loop.over)) : [unquoted(property(target.body, 'name'))!];
      // A loop of assignments over the same list as the loop of resources covers each of them; a number, one.
      const names = index === undefined || (assignment.loop?.over === target.loop?.over && !/^\d+$/.test(index)) ? all : [all[Number(index)]!];
      return roleIds.map((roleId) => ({ symbol: assignment.symbol, roleId, principal: property(assignment.body, 'properties.principalId'), kind, names }));
    });
const namesGranted = (roleId: string) => grants().filter((g) => g.roleId === roleId).flatMap((g) => g.names.map((name) => `${g.kind}/${name}`)).sort();

describe('infra/main.bicep: least privilege for the app, and the public records kept (R4)', () => {
  it('the app\'s identity has no Owner, Contributor or Blob Data Owner anywhere; on the whole storage account only the Blob Delegator (no data) and table data (every table there is Kanalkoll\'s)', () => {
    for (const broad of [role.owner, role.contributor, role.userAccessAdministrator, role.storageAccountContributor, role.blobDataOwner]) expect(bicep.text).not.toContain(broad);
    const granted = grants();
    expect(granted.length).toBeGreaterThan(0);
    for (const grant of granted) expect([grant.symbol, grant.principal]).toEqual([grant.symbol, 'identity.properties.principalId']);
    expect(granted.map((g) => g.roleId).filter((id) => !Object.values(role).includes(id!))).toEqual([]);
    // Read links are user delegation SASs (bot/store/blobs.ts): the key is asked for on the account.
    // The Functions host adds a diagnostics table each month, and /api/health lists the tables.
    expect(granted.filter((g) => g.kind === 'storageAccounts').map((g) => g.roleId).sort()).toEqual([role.blobDelegator, role.tableDataContributor].sort());
  });

  it('Storage Blob Data Contributor on each container the app and the Functions host write, and on nothing else', () => {
    const containers = [archiveContainer, auditTrailContainer, exportsContainer, 'app-package', 'azure-webjobs-hosts', 'azure-webjobs-secrets'];
    expect(namesGranted(role.blobDataContributor)).toEqual(containers.map((c) => `containers/${c}`).sort());
  });

  it('Storage Queue Data Contributor on each queue the app uses and its poison queue, and on nothing else', () => {
    expect(namesGranted(role.queueDataContributor)).toEqual(queueNames.flatMap((q) => [`queues/${q}`, `queues/${q}-poison`]).sort());
  });

  it('R4: blob versioning is on, and the archive container has a time-based immutability policy as long as the write-once audit\'s: public records are kept', () => {
    const blobService = bicep.resources().find((r) => r.type === 'blobServices')!;
    expect(property(blobService.body, 'properties.isVersioningEnabled')).toBe('true');
    const archive = bicep.resources().find((r) => r.type === 'containers' && unquoted(property(r.body, 'name')) === archiveContainer);
    expect(archive).toBeDefined();
    const days = (container: string) => {
      const found = bicep.resources().find((r) => r.type === 'immutabilityPolicies' && bicep.resource(r.path.split('::').slice(0, -1).join('::')).body.includes(`name: '${container}'`));
      const period = property(found?.body ?? '', 'properties.immutabilityPeriodSinceCreationInDays') ?? '';
      return Number(/^\d+$/.test(period) ? period : bicep.paramDefault(period));
    };
    expect(days(archiveContainer)).toBe(days(auditTrailContainer));
    expect(days(archiveContainer)).toBeGreaterThanOrEqual(36500);
    // Nothing deletes from the archive.
    expect(bicep.text).not.toMatch(new RegExp(`prefixMatch: \\[[^\\]]*'${archiveContainer}/`));
  });

  it('R1: the app setting for proactive installation comes from a parameter that is empty unless set, next to Graph\'s address', () => {
    const settings = bicep.objects(property(bicep.resource('app').body, 'properties.siteConfig.appSettings') ?? '[]');
    const valueOf = (name: string) => property(settings.find((s) => property(s, 'name') === `'${name}'`) ?? '', 'value');
    expect(valueOf('KANALKOLL_TEAMS_APP_CATALOG_ID')).toBe('teamsAppCatalogId');
    expect(bicep.paramDefault('teamsAppCatalogId')).toBe("''");
    expect(valueOf('KANALKOLL_GRAPH_URL')).toBe("'https://graph.microsoft.com'");
  });

  it('GDPR: with versions kept, the exports rule deletes the version a deleted export leaves too', () => {
    const rules = bicep.objects(property(bicep.resource('storage::lifecycle').body, 'properties.policy.rules') ?? '[]');
    const exports = rules.find((r) => property(r, 'definition.filters.prefixMatch')?.includes(`'${exportsContainer}/'`));
    expect(property(exports ?? '', 'definition.actions.baseBlob.delete')).toBeDefined();
    expect(property(exports ?? '', 'definition.actions.version.delete')).toBeDefined();
  });
});
