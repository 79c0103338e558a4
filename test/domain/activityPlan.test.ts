import { administrators, checkPlan, planProblems, stepsFor, validateStep, type ActivityPlan, type PlanChoices } from '../../bot/domain/activityPlan';
import type { Person } from '../../bot/domain/directory';
import { channel, confirmedCommitments } from '../support/samplePlan';

const person = (aadObjectId: string, name: string, enabled = true): Person => ({ aadObjectId, name, email: '', departmentId: 'kultur-fritid', title: '', enabled });
const elin = person('employee-1', 'Elin Ek');
const aida = person('admin-1', 'Aida Haddad');
const nora = person('colleague-1', 'Nora Sjöberg');
const leaver = person('leaver-1', 'Ola Slutat', false);
const choices: PlanChoices = {
  applicantAadObjectId: 'employee-1',
  departmentIds: ['kultur-fritid'],
  chief: 'chief-1',
  platforms: ['Facebook', 'Instagram', 'Blogg'],
  people: new Map([elin, aida, nora, leaver].map((p) => [p.aadObjectId, p])),
};

const who = { kind: 'account' as const, departmentId: 'kultur-fritid', chiefAadObjectId: 'chief-1' };
const purpose = {
  purpose: 'Berätta om kvällens aktiviteter på fritidsgårdarna.',
  audience: 'Unga 13–17 år i Botkyrka',
  goals: ['200 följare inom ett halvår'],
  complement: 'Programmet finns på botkyrka.se; affischer på skolorna.',
  sourceUrl: 'https://www.botkyrka.se/fritidsgardar',
};
const administration = { admins: [elin.aadObjectId, aida.aadObjectId], loginStorage: 'Kommunens lösenordshanterare, mappen Fritid', substitute: aida.aadObjectId };
const commitments = confirmedCommitments;
const complete: ActivityPlan = { kind: 'account', who, channel, purpose, administration, commitments };

const errorsOf = (result: ReturnType<typeof validateStep>) => (result.ok ? [] : result.errors);

describe('activity plan (bilaga 1)', () => {
  it('R1: a complete account plan has no problems', () => {
    expect(planProblems(complete, choices)).toEqual([]);
  });

  it('R1: names the steps still missing', () => {
    expect(planProblems({ kind: 'account', who }, choices).map((e) => e.field)).toEqual([
      'channel',
      'purpose',
      'administration',
      'commitments',
    ]);
  });

  it('R2: monitoring only takes three steps and no account fields', () => {
    expect(stepsFor('monitoring')).toEqual(['who', 'purpose', 'commitments']);
    const monitoring: ActivityPlan = {
      kind: 'monitoring',
      who: { ...who, kind: 'monitoring' },
      purpose: { purpose: 'Följa vad som skrivs om fritidsgårdarna.' },
      commitments: { knowsMedium: true, hasTime: true, knowsGuidelines: true, followsLegalTerms: true },
    };
    expect(planProblems(monitoring, choices)).toEqual([]);
    expect(errorsOf(validateStep('monitoring', 'channel', channel, choices))).toEqual([{ field: 'channel', code: 'unknownChoice' }]);
  });

  it('R8: the account\'s address is on the platform chosen, where the platform has known addresses', () => {
    const hosts = { ...choices, platformHosts: { Instagram: ['instagram.com'], Facebook: ['facebook.com', 'fb.com'] } };
    const at = (platform: string, accountUrl: string) => errorsOf(validateStep('account', 'channel', { ...channel, platform, accountUrl }, hosts));
    expect(at('Instagram', 'https://www.facebook.com/fritid')).toEqual([{ field: 'accountUrl', code: 'wrongPlatform' }]);
    expect(at('Instagram', 'https://instagram.com.evil.example/fritid')).toEqual([{ field: 'accountUrl', code: 'wrongPlatform' }]);
    expect(at('Instagram', 'https://www.instagram.com/fritid')).toEqual([]);
    expect(at('Facebook', 'https://m.fb.com/fritid')).toEqual([]);
    // A platform without known addresses (a blog) takes any https address.
    expect(at('Blogg', 'https://fritid.botkyrka.se')).toEqual([]);
  });

  it('R3, R8: an address is stored as a browser reads it, and one with a space in it, which could read as more than one address, is refused', () => {
    const hosts = { ...choices, platformHosts: { Instagram: ['instagram.com'] } };
    const crafted = 'https://instagram.com/x) Logga in: [botkyrka.se](https://evil.example/p';
    expect(errorsOf(validateStep('account', 'channel', { ...channel, platform: 'Instagram', accountUrl: crafted }, hosts))).toEqual([{ field: 'accountUrl', code: 'spaceInAddress' }]);
    expect(errorsOf(validateStep('account', 'purpose', { ...purpose, sourceUrl: 'https://www.botkyrka.se/fritid\tgardar' }, choices))).toEqual([{ field: 'sourceUrl', code: 'spaceInAddress' }]);
    const stored = validateStep('account', 'channel', { ...channel, platform: 'Instagram', accountUrl: '  HTTPS://Instagram.COM/fritid"botkyrka  ' }, hosts);
    expect(stored.ok && stored.value).toMatchObject({ accountUrl: 'https://instagram.com/fritid%22botkyrka' });
  });

  it('R10: refuses a plan with fewer than two admins', () => {
    expect(errorsOf(validateStep('account', 'administration', { ...administration, admins: [elin.aadObjectId] }, choices))).toEqual([
      { field: 'admins', code: 'tooFewAdmins' },
    ]);
    expect(validateStep('account', 'administration', administration, choices).ok).toBe(true);
  });

  it('R10: the department communicator is added by Kanalkoll and never counts toward the two admins', () => {
    const sara = person('communicator-1', 'Sara Lind');
    const withSara: PlanChoices = { ...choices, communicatorAadObjectId: sara.aadObjectId, people: new Map([...choices.people, [sara.aadObjectId, sara]]) };
    const admins = (ids: string[]) => errorsOf(validateStep('account', 'administration', { ...administration, admins: ids }, withSara));
    expect(admins([sara.aadObjectId, aida.aadObjectId])).toEqual([{ field: 'admins', code: 'tooFewAdmins' }]);
    expect(admins([elin.aadObjectId, aida.aadObjectId, sara.aadObjectId])).toEqual([]);
    // The whole plan too, as it is checked when sent.
    expect(planProblems({ ...complete, administration: { ...administration, admins: [aida.aadObjectId, sara.aadObjectId] } }, withSara)).toEqual([{ field: 'admins', code: 'tooFewAdmins' }]);
  });

  it('R10: admins are distinct people in the directory who have not left', () => {
    const admins = (ids: string[]) => errorsOf(validateStep('account', 'administration', { ...administration, admins: ids }, choices));
    expect(admins([elin.aadObjectId, elin.aadObjectId])).toEqual([{ field: 'admins', code: 'samePerson' }]);
    expect(admins([elin.aadObjectId, leaver.aadObjectId])).toEqual([{ field: 'admins', code: 'unknownPerson', item: 1 }]);
    expect(admins([elin.aadObjectId, '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52'])).toEqual([{ field: 'admins', code: 'unknownPerson', item: 1 }]);
    // A name typed where a picked person belongs is nobody anyone can reach.
    expect(admins(['Elin Ek', 'Aida Haddad'])).toEqual([0, 1].map((item) => ({ field: 'admins', code: 'unknownPerson', item })));
    expect(admins([elin.aadObjectId, nora.aadObjectId, aida.aadObjectId])).toEqual([]);
  });

  it('R14: the substitute is someone in the directory other than the applicant', () => {
    const substitute = (id: string) => errorsOf(validateStep('account', 'administration', { ...administration, substitute: id }, choices));
    expect(substitute(elin.aadObjectId)).toEqual([{ field: 'substitute', code: 'notYourself' }]);
    expect(substitute(leaver.aadObjectId)).toEqual([{ field: 'substitute', code: 'unknownPerson' }]);
    expect(substitute('Aida Haddad')).toEqual([{ field: 'substitute', code: 'unknownPerson' }]);
    expect(substitute(nora.aadObjectId)).toEqual([]);
  });

  it('R10: the department communicator is always an administrator too, once', () => {
    expect(administrators(administration.admins, 'sara-1')).toEqual([elin.aadObjectId, aida.aadObjectId, 'sara-1']);
    expect(administrators(administration.admins, elin.aadObjectId)).toEqual([elin.aadObjectId, aida.aadObjectId]);
  });

  it('R10: the applicant promises the department communicator gets the login', () => {
    expect(errorsOf(validateStep('account', 'commitments', { ...commitments, communicatorHasLogin: false }, choices))).toEqual([{ field: 'communicatorHasLogin', code: 'mustConfirm' }]);
  });

  it('R10: refuses a password where the place of the login details belongs', () => {
    expect(errorsOf(validateStep('account', 'administration', { ...administration, loginStorage: 'Lösenord: Fritid2027!' }, choices))).toEqual([
      { field: 'loginStorage', code: 'credential' },
    ]);
  });

  it('R5, R14: refuses the plan until the 48-hour commitments are confirmed', () => {
    const errors = errorsOf(validateStep('account', 'commitments', { ...commitments, answersWithin48h: false, removesPostsWithin48h: undefined }, choices));

    expect(errors).toEqual([
      { field: 'answersWithin48h', code: 'mustConfirm' },
      { field: 'removesPostsWithin48h', code: 'mustConfirm' },
    ]);
  });

  it('R5: knowing the medium, having the time and knowing the guidelines are three promises, each confirmed on its own', () => {
    for (const field of ['knowsMedium', 'hasTime', 'knowsGuidelines'] as const) {
      expect(errorsOf(validateStep('account', 'commitments', { ...commitments, [field]: false }, choices))).toEqual([{ field, code: 'mustConfirm' }]);
      expect(errorsOf(validateStep('monitoring', 'commitments', { knowsMedium: true, hasTime: true, knowsGuidelines: true, followsLegalTerms: true, [field]: false }, choices))).toEqual([{ field, code: 'mustConfirm' }]);
    }
  });

  it('R8, R12: the graphic profile and the legal terms must be confirmed too', () => {
    const errors = errorsOf(validateStep('account', 'commitments', { ...commitments, followsGraphicProfile: 'yes', followsLegalTerms: false }, choices));

    expect(errors.map((e) => e.field)).toEqual(['followsGraphicProfile', 'followsLegalTerms']);
  });

  it('R7: the source page is on the municipality\'s own web (its hosts a setting), and the owner promises to link posts to it', () => {
    const own = { ...choices, sourceHosts: ['botkyrka.se'] };
    expect(errorsOf(validateStep('account', 'purpose', { ...purpose, sourceUrl: 'https://www.botkyrka.se/fritid' }, own))).toEqual([]);
    expect(errorsOf(validateStep('account', 'purpose', { ...purpose, sourceUrl: 'https://www.instagram.com/fritid' }, own))).toEqual([{ field: 'sourceUrl', code: 'notOwnWeb' }]);
    expect(errorsOf(validateStep('account', 'purpose', { ...purpose, sourceUrl: 'https://botkyrka.se.example.com/' }, own))).toEqual([{ field: 'sourceUrl', code: 'notOwnWeb' }]);
    expect(errorsOf(validateStep('account', 'commitments', { ...commitments, linksToSource: false }, choices))).toEqual([{ field: 'linksToSource', code: 'mustConfirm' }]);
    // Not an address at all: said so, and nothing throws (the host check has nothing to look at).
    expect(errorsOf(validateStep('account', 'purpose', { ...purpose, sourceUrl: 'www.botkyrka.se/fritid' }, own))).toEqual([{ field: 'sourceUrl', code: 'notHttps' }]);
    const hosts = { ...choices, platformHosts: { Instagram: ['instagram.com'] } };
    expect(errorsOf(validateStep('account', 'channel', { ...channel, platform: 'Instagram', accountUrl: 'inte en adress' }, hosts))).toEqual([{ field: 'accountUrl', code: 'notHttps' }]);
  });

  it('R7: the account and the source page must be https addresses', () => {
    expect(errorsOf(validateStep('account', 'channel', { ...channel, accountUrl: 'http://www.instagram.com/fritid' }, choices))).toEqual([
      { field: 'accountUrl', code: 'notHttps' },
    ]);
    expect(errorsOf(validateStep('account', 'purpose', { ...purpose, sourceUrl: 'botkyrka.se' }, choices))).toEqual([
      { field: 'sourceUrl', code: 'notHttps' },
    ]);
  });

  it('R6: an end date must come after the start date; none means ongoing', () => {
    expect(errorsOf(validateStep('account', 'channel', { ...channel, startDate: '2027-01-10', endDate: '2027-01-09' }, choices))).toEqual([
      { field: 'endDate', code: 'endBeforeStart' },
    ]);
    expect(errorsOf(validateStep('account', 'channel', { ...channel, endDate: '2027-13-40' }, choices))).toEqual([
      { field: 'endDate', code: 'invalidDate' },
    ]);
    expect(validateStep('account', 'channel', { ...channel, endDate: '2027-06-30' }, choices).ok).toBe(true);
    expect(validateStep('account', 'channel', channel, choices).ok).toBe(true);
  });

  it('R6: each goal says how it is measured: a number, a date or what is counted; "Synas mer" is refused', () => {
    for (const goal of [
      '200 följare inom ett halvår',
      'Svar inom 24 timmar',
      'Fler besökare på fritidsgårdarna',
      'Andelen frågor som får svar samma dag',
      'Senast i juni har vi en film ute',
      '500 followers by June',
      'Ökad kännedom om kulturskolan bland unga enligt den årliga enkäten',
      'Minskad väntetid i kontaktcenter',
      'Högre deltagande i sommarlovsaktiviteterna',
      'Kortare svarstider på frågor från invånare',
      'Besvara alla frågor inom två dygn',
      'Hälften av eleverna ska följa kontot',
      'Faster replies to residents',
    ]) {
      expect([goal, errorsOf(validateStep('account', 'purpose', { ...purpose, goals: [goal] }, choices))]).toEqual([goal, []]);
    }
    for (const goal of ['Synas mer', 'Bli kända i Botkyrka', 'Sprida glädje']) {
      expect(errorsOf(validateStep('account', 'purpose', { ...purpose, goals: ['200 följare', goal] }, choices))).toEqual([{ field: 'goals', code: 'notMeasurable', item: 1 }]);
    }
  });

  it('R6: at least one measurable goal', () => {
    expect(errorsOf(validateStep('account', 'purpose', { ...purpose, goals: [] }, choices))).toEqual([{ field: 'goals', code: 'required' }]);
  });

  it('R3: purpose and audience are required, and a 10,000-character text is too long', () => {
    const errors = errorsOf(validateStep('account', 'purpose', { ...purpose, purpose: '   ', audience: 'x'.repeat(10_000) }, choices));

    expect(errors).toEqual([
      { field: 'purpose', code: 'required' },
      { field: 'audience', code: 'tooLong' },
    ]);
  });

  it('R8: the account name is required and the platform comes from the configured list', () => {
    const errors = errorsOf(validateStep('account', 'channel', { ...channel, accountName: '', platform: 'Myspace' }, choices));

    expect(errors).toEqual([
      { field: 'platform', code: 'unknownChoice' },
      { field: 'accountName', code: 'required' },
    ]);
  });

  it('R1: the chief is the applicant\'s manager in the directory; a chief sent in a card is ignored', () => {
    expect(validateStep('account', 'who', { ...who, chiefAadObjectId: 'employee-1' }, choices)).toEqual({ ok: true, value: { ...who, chiefAadObjectId: 'chief-1' } });
  });

  it('R1: without a manager in the directory the plan can still be sent, and records no chief (the communicator names who decides)', () => {
    const check = checkPlan(complete, { ...choices, chief: undefined });

    expect(check.ok && check.plan.who).toEqual({ kind: 'account', departmentId: 'kultur-fritid' });
  });

  it('R2: switching a draft to monitoring keeps the account answers but submits only what monitoring needs', () => {
    const check = checkPlan({ ...complete, kind: 'monitoring', who: { ...who, kind: 'monitoring' } }, choices);

    expect(check).toEqual({
      ok: true,
      plan: {
        kind: 'monitoring',
        who: { ...who, kind: 'monitoring' },
        purpose: { purpose: purpose.purpose },
        commitments: { knowsMedium: true, hasTime: true, knowsGuidelines: true, followsLegalTerms: true },
      },
    });
  });

  it('R1: the department must be known; wrong types and extra fields change nothing', () => {
    expect(errorsOf(validateStep('account', 'who', { kind: 'account', departmentId: 'nope', chiefAadObjectId: 42 }, choices))).toEqual([
      { field: 'departmentId', code: 'unknownChoice' },
    ]);
    const result = validateStep('account', 'who', { ...who, status: 'active', approvedBy: 'me' }, choices);
    expect(result).toEqual({ ok: true, value: who });
    expect(errorsOf(validateStep('account', 'who', 'not an object', choices))).toEqual([{ field: 'who', code: 'required' }]);
  });
});
