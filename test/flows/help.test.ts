import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type TeamsClient } from '../support/teamsClient';

describe('policy help in chat', () => {
  let world: TeamsWorld;
  let elin: TeamsClient;

  beforeAll(async () => {
    world = await startTeams();
    elin = world.client('employee');
  });
  afterAll(() => world.close());

  it('R17–R23: "vad gäller?" shows the topic menu', async () => {
    const card = await elin.say('vad gäller?');

    expect(textOf(card)).toContain('Vad säger policyn?');
    expect(actionsOf(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Skriva om jobbet privat', 'Nätmobbning och brott', 'För dig som är politiker']));
  });

  it('R17–R23: a question that begins "vad gäller" or "what does the policy say" gets its answer, not the menu', async () => {
    expect(textOf(await elin.say('vad gäller för bilder på barn?'))).toContain('Ur policyn: ”Följ juridiska villkor och lagarna”');
    expect(textOf(await elin.say('Policyn: hur snabbt måste vi svara på frågor?'))).toContain('48 timmar');
    expect(textOf(await world.client('admin', 'en-US').say('what does the policy say about photos of children?'))).toContain('without their written consent');
    expect(textOf(await elin.say('vad gäller för friskvårdsbidraget?'))).toContain('Jag hittade inget säkert svar på det.');
  });

  it('R12: a question in everyday words gets the answer, citing the policy section', async () => {
    const card = await elin.say('får jag fota barnen på utflykten?');

    expect(textOf(card)).toContain('skriftliga samtycke');
    expect(textOf(card)).toContain('Ur policyn: ”Följ juridiska villkor och lagarna”');
  });

  it('R19: asked in chat, the answer says one writes as a private person unless one has a specific assignment, in both languages', async () => {
    const card = await elin.say('ska jag säga att jag jobbar i kommunen när jag skriver om skolan privat?');
    expect(textOf(card)).toContain('Ur policyn: ”Var gärna öppen med vem du är”');
    expect(textOf(card)).toContain('såvida du inte har fått ett specifikt uppdrag');

    const english = await world.client('admin', 'en-US').say('should i mention i work for the council when posting about my school in a local group?');
    expect(textOf(english)).toContain('unless you have been given a specific assignment');
  });

  it('R20: asked in chat, the answer names personal attacks, unfair criticism and indecency, in both languages', async () => {
    const card = await elin.say('får jag skriva på facebook att min chef är inkompetent?');
    expect(textOf(card)).toContain('Ur policyn: ”Se upp med personangrepp, osaklig kritik och oanständigheter”');
    expect(textOf(card)).toContain('Tänk efter när det gäller personangrepp, osaklig kritik och oanständigheter.');

    const english = await world.client('admin', 'en-US').say('can I post that my manager is useless on twitter?');
    expect(textOf(english)).toContain('personal attacks, unfair criticism and indecency');
  });

  it('R21: a topic button gives its answer, in English for an English client', async () => {
    const english = world.client('admin', 'en-US');
    const menu = await english.say('policy help');

    const card = await english.press(menu, 'Cyberbullying and crime');

    expect(textOf(card)).toContain('report it to the police');
    expect(textOf(card)).toContain('From the policy: \\"Uppmärksamma nätmobbning och andra brott\\"');
  });

  it('R21, R1: an answer ends with what to do next, a button to the card that does it', async () => {
    const bullying = await elin.say('någon hänger ut en elev i en snapgrupp, vad gör jag?');
    expect(textOf(bullying)).toContain('Ur policyn: ”Uppmärksamma nätmobbning och andra brott”');
    expect(textOf(await elin.press(bullying, 'Rapportera mobbning'))).toContain('Du behöver inte skriva några namn.');

    const starting = await elin.say('hur gör jag för att starta ett konto för fritidsgården?');
    expect(actionsOf(starting).map((a) => a.title)).toEqual(['Ny ansökan', 'Fler ämnen']);
    // An answer with no card of its own has only the way back to the topics.
    expect(actionsOf(await elin.say('får jag vara på insta på arbetstid?')).map((a) => a.title)).toEqual(['Fler ämnen']);
  });

  it('R13, R22: a question that comes close to other topics too offers them ("Menade du …?"), each a button to its answer, in both languages', async () => {
    // A complaint on one's own page is criticism to register (R13); the search puts telling someone (R22) first.
    const card = await elin.say('en förälder klagar på vår sida, vem ska få veta det?');
    expect(textOf(card)).toContain('Ur policyn: ”Vidarebefordra kritik”');
    expect(textOf(card)).toContain('Menade du något av det här?');
    const offered = actionsOf(card).filter((a) => a.verb === 'help.topic');
    expect(offered.map((a) => a.title)).toContain('Diarieföra kritik');
    expect(offered.map((a) => a.data.topic)).not.toContain('forwardCriticism');

    const registration = await elin.press(card, 'Diarieföra kritik');
    expect(textOf(registration)).toContain('Ur policyn: ”Diarieför”');
    expect(actionsOf(registration).map((a) => a.title)).toEqual(['Rapportera kritik', 'Fler ämnen']);

    const english = await world.client('admin', 'en-US').say('someone posted a nasty video about our school, who do I tell?');
    expect(textOf(english)).toContain('Did you mean one of these?');
    expect(actionsOf(english).filter((a) => a.verb === 'help.topic').map((a) => a.title)).toContain('Cyberbullying and crime');

    // A question with one clear topic offers nothing more.
    const clear = await elin.say('hur gör jag för att starta ett konto för fritidsgården?');
    expect(textOf(clear)).not.toContain('Menade du');
  });

  it('R17–R23: "gäller policyn mig som jobbar i hemtjänsten?" is answered with who the policy is for and its summary, with the way to an assignment, in both languages', async () => {
    const card = await elin.say('gäller policyn mig som jobbar i hemtjänsten?');
    expect(textOf(card)).toContain('Policyn gäller dig som jobbar i Botkyrka kommun, vilket jobb du än har');
    expect(textOf(card)).toContain('Ur policyn: ”Vem vänder sig policyn till?” och ”Sammanfattning”');
    expect(actionsOf(card).filter((a) => a.verb !== 'help.topic').map((a) => a.title)).toEqual(['Ny ansökan', 'Fler ämnen']);

    const english = await world.client('admin', 'en-US').say('does the policy apply to me? I work in home care');
    expect(textOf(english)).toContain('The policy is for you who work for Botkyrka municipality, whatever your job');
    expect(textOf(english)).toContain('From the policy: \\"Vem vänder sig policyn till?\\" and \\"Sammanfattning\\"');
  });

  it('R17–R23: what social media are, why the municipality takes part, what an assignment is and how to get better are answered from their sections', async () => {
    const what = await elin.say('vad räknas som sociala medier?');
    expect(textOf(what)).toContain('där användarna själva skapar innehållet');
    expect(textOf(what)).toContain('Ur policyn: ”Vad är sociala medier?”');

    const why = await world.client('admin', 'en-US').say('why is the council on social media?');
    expect(textOf(why)).toContain('to serve residents better');
    expect(textOf(why)).toContain('From the policy: \\"Varför ska vi medverka i sociala medier?\\"');
    expect(actionsOf(why).map((a) => a.title)).toEqual(['New application', 'More topics']);

    const assignment = await elin.say('vad räknas som ett uppdrag i jobbet?');
    expect(textOf(assignment)).toContain('i din yrkesroll');
    expect(textOf(assignment)).toContain('Ur policyn: ”Få ett tydligt uppdrag” och ”Delta i sociala medier som ett uppdrag i arbetet”');

    const better = await elin.say('hur kan jag bli bättre på att blogga för skolan?');
    expect(textOf(better)).toContain('böcker och råd på nätet');
    expect(textOf(better)).toContain('Ur policyn: ”Utveckla kommunikationen”');
  });

  it('questions about one\'s own things, in one\'s own words, reach them and not a policy text', async () => {
    for (const question of ['hur går det med min ansökan?', 'var är min ansökan?', 'har min chef godkänt?', 'Has my manager approved it?']) {
      expect([question, textOf(await elin.say(question))]).toEqual([question, expect.stringMatching(/Mina ansökningar|My applications/)]);
    }
    for (const question of ['vilka konton har jag?', 'Hur gör jag med mitt konto']) {
      expect([question, textOf(await elin.say(question))]).toEqual([question, expect.stringContaining('Mina konton')]);
    }
    // A policy question stays one: an answer from the policy (here which accounts are the municipality's), not "Mina konton".
    expect(textOf(await elin.say('vad gäller för mitt konto?'))).toContain('Ur policyn');
  });

  it('a question it cannot place gets the menu, not a guess; other text the welcome card', async () => {
    expect(textOf(await elin.say('Vad blir det för lunch i dag?'))).toContain('Jag hittade inget säkert svar på det.');
    expect(textOf(await elin.say('tjena'))).toContain('Jag är Kanalkoll.');
  });

  it('the welcome card\'s "Policyhjälp" leads to the menu, and a forged topic to the menu too', async () => {
    expect(textOf(await elin.invoke('help.topics', {}))).toContain('Vad säger policyn?');
    expect(textOf(await elin.invoke('help.topic', { topic: '<script>' }))).toContain('Vad säger policyn?');
  });
});
