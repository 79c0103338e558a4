import { z } from 'zod';
import { verbs, type AdaptiveCard, type Verb } from '../../cards';
import { texts } from '../i18n';
import type { PersonRef } from '../domain/assignment';
import type { Locale } from '../domain/locale';
import { accountHandlers } from '../flows/account/handlers';
import { organisationHandlers } from '../flows/organisation/departments';
import { approvalHandlers } from '../flows/approval/handlers';
import { chiefSearch, type SearchChoice } from '../flows/approval/chiefSearch';
import { absenceHandlers } from '../flows/duties/absence';
import { evaluationHandlers } from '../flows/duties/evaluation';
import { taskHandlers } from '../flows/duties/taskHandlers';
import { fileSchema, receiveFiles } from '../flows/duties/upload';
import { uploadChoice } from '../flows/duties/uploadChoice';
import type { FlowDeps } from '../flows/deps';
import type { Reach } from '../store/conversations';
import { planHandlers } from '../flows/plan/handlers';
import { sharedVerbs, type CardHandler, type Conversation } from '../flows/turn';
import { answerPrivately } from '../flows/privately';
import { registerCardFor } from '../flows/register/card';
import { reportHandlers } from '../flows/report/handlers';
import { recordHandlers } from '../flows/records/handlers';
import { accessHandler } from '../flows/retention/access';
import { aboutUnitHandler } from '../flows/report/aboutUnit';
import { overviewHandlers } from '../flows/overview/handlers';
import { answerFor, helpForCard, helpMenu, helpRequest, policyQuestion } from '../flows/help';
import { sharedWelcome, welcome, welcomeFor, type WelcomeFor } from '../flows/welcome';

/** Who pressed or wrote, in what language, and what the card sent. */
export interface Turn {
  readonly locale: Locale;
  readonly userName?: string;
  /** Absent when Teams did not say who the user is (no AAD object id): nothing personal then. */
  readonly user?: PersonRef;
  /** The tenant and Teams service of the turn; absent outside Teams. */
  readonly reach?: Reach;
  /** The person's own chat, or a group chat or channel others read: nothing personal is answered there. */
  readonly conversation: Conversation;
  readonly data: unknown;
  /** The message whose card button was pressed, for a card action. */
  readonly pressed?: string;
}

/** A card, or one line of text: where others read, a personal answer goes to the person's own chat and the line says so. */
export type Answer = AdaptiveCard | string;

export type Handler = (turn: Turn) => Promise<Answer> | Answer;

export interface Routes {
  /** Text commands, tried in order; the first whose pattern matches handles the message. */
  readonly text: readonly { readonly pattern: RegExp; readonly handle: Handler }[];
  /** Anything else written gets the welcome card, which shows what the bot can do. */
  readonly unknownText: Handler;
  /** One handler per card verb. TypeScript insists every verb has one. */
  readonly cardActions: Record<Verb, Handler>;
  readonly unknownCardAction: Handler;
  /** Files attached in the personal chat (the archive snapshot, R15); data: the files. */
  readonly files: Handler;
  /** A people picker searching a dataset of Kanalkoll's (`application/search`); data: what Teams sent. */
  readonly search: (turn: Turn) => Promise<readonly SearchChoice[]>;
}

export function routes(deps: FlowDeps): Routes {
  const overview = overviewHandlers(deps);
  const p = planHandlers(deps);
  const a = approvalHandlers(deps);
  const accounts = accountHandlers(deps);
  const reports = reportHandlers(deps);
  const duties = { ...taskHandlers(deps), ...evaluationHandlers(deps) };
  const absence = absenceHandlers(deps);
  const org = organisationHandlers(deps);
  // Where others read, the register as anyone sees it: no "Hämta akten", no hold, whoever asks.
  const register: Handler = (t) => registerCardFor(deps, t.locale, t.data, t.conversation === 'personal' ? t.user?.aadObjectId : undefined);
  const aboutUnit = aboutUnitHandler(deps);
  const records = recordHandlers(deps);
  const myData = accessHandler(deps);
  const chiefs = chiefSearch(deps);
  /**
   * What the welcome card offers this person, from what is stored: one read of their index rows, which
   * carry each assignment's ownership facts; the communications chief comes from the directory's
   * cache (one read per process every 30 seconds, shared by every turn).
   */
  const applies = async (t: { user?: { aadObjectId: string } }): Promise<WelcomeFor> => {
    if (!t.user) return {};
    const aad = t.user.aadObjectId;
    const [facts, chief, departments, leads] = await Promise.all([deps.assignments.ownershipFor(aad), deps.directory.communicationsChief(), deps.directory.allDepartments(), deps.directory.isChief(aad)]);
    // R16: whoever oversees a department (its communicator, a chief, the communications chief) gets "Översikt".
    return { ...welcomeFor(facts, aad, chief), overseer: chief === aad || leads || departments.some((d) => d.communicatorAadObjectId === aad) };
  };
  const greet: Handler = async (t) => (t.conversation === 'shared' ? sharedWelcome(t.locale) : welcome(t.locale, t.userName, undefined, await applies(t)));
  const unknownCardAction: Handler = async (t) => (t.conversation === 'shared' ? sharedWelcome(t.locale, 'unknownAction') : welcome(t.locale, t.userName, 'unknownAction', await applies(t)));
  const onlyPersonal: Handler = (t) => texts(t.locale).personalChat.only;
  /** A verb whose handler is not on this branch yet (the plan's change, wired on merge): said plainly, nothing done. */
  /** A handler about the person: it gets who they are only in their own chat; a press or a file elsewhere is refused. */
  const personal = (handle: CardHandler): Handler => (t) =>
    !t.user || !t.reach ? unknownCardAction(t)
    : t.conversation === 'shared' ? onlyPersonal(t)
    : handle({ locale: t.locale, user: t.user, reach: t.reach, data: t.data, ...(t.pressed ? { pressed: t.pressed } : {}) });
  /**
   * A personal command written: in a group chat or a channel, answered in the person's own chat. What was
   * written is no card's data: the command's card opens as from a button that sends nothing.
   */
  const asked = (handle: CardHandler): Handler => (t) =>
    t.conversation === 'shared' && t.user && t.reach ? answerPrivately(deps, handle, { locale: t.locale, user: t.user, reach: t.reach, data: {} }) : personal(handle)({ ...t, data: {} });
  /** Server side, whatever the card said: where others read, only the verbs answered alike for everyone run (refused by default). */
  const gated = (actions: Record<Verb, Handler>): Record<Verb, Handler> => {
    const gate = (verb: Verb, handle: Handler): Handler => (t) => (t.conversation === 'shared' && !sharedVerbs.has(verb) ? onlyPersonal(t) : handle(t));
    return Object.fromEntries(verbs.map((verb) => [verb, gate(verb, actions[verb])])) as Record<Verb, Handler>;
  };

  return {
    text: [
      { pattern: /^(ny ansökan|ansök|new application|apply)\b/i, handle: asked(p.start) },
      { pattern: /^(mina ansökningar|my applications|historik|history)\b/i, handle: asked(p.mine) },
      { pattern: helpRequest, handle: (t) => policyQuestion(t.locale, String(t.data ?? ''), t.conversation) },
      { pattern: /^(registret|register|konton i sociala medier)\b/i, handle: register },
      { pattern: /^(rapportera|report)\b/i, handle: asked(reports.menu) },
      // R16: a chief asking what is written about their unit gets the reports about it, not the policy's text.
      { pattern: /\b(vad (skrivs|sägs|har rapporterats) om (min|vår) (enhet|förvaltning|verksamhet)|what is (written|said|reported) about my (unit|department|team))\b/i, handle: asked(aboutUnit) },
      { pattern: /^(mina konton|my accounts)\b/i, handle: asked(accounts.mine) },
      // GDPR, right of access: what Kanalkoll keeps about the asker.
      { pattern: /^(vad vet du om mig|vilka (personuppgifter|uppgifter) (har|sparar) du om mig|mina personuppgifter|what do you know about me|my personal data)\b/i, handle: asked(myData) },
      { pattern: /^(jag är borta|frånvaro|semester|i am away|i'm away|away)\b/i, handle: asked(absence.form) },
      { pattern: /^(borttaget inlägg|registrera borttaget|jag har tagit bort ett inlägg|removed post|record a removed post)\b/i, handle: asked(accounts.removalForm) },
      { pattern: /^(förvaltningar|kommunikatörer|departments|communicators)\b/i, handle: asked(org.show) },
      // R16: the overview of the departments one oversees, in charts.
      { pattern: /^(översikt|översikten|overview)\b/i, handle: asked(overview.show) },
      // Questions about one's own things, in one's own words, reach them rather than a policy text.
      { pattern: /\b(min ansökan|mina ansökningar|min plan|har (min )?chef(en)? godkänt|my application|my plan|has my (manager|chief) approved)\b/i, handle: asked(p.mine) },
      { pattern: /\b(vilka konton har jag|mina konton|mitt konto|mina kanaler|which accounts do i have|my accounts?)\b/i, handle: asked(accounts.mine) },
      { pattern: /^(hej|hejsan|hallå|hi|hello|hjälp|help|start|meny|menu)\b/i, handle: greet },
    ],
    // Other text: an answer if it is a policy question, the topic menu if it is a question we
    // cannot place, otherwise the welcome card.
    unknownText: (t) => answerFor(t.locale, String(t.data ?? ''), t.conversation) ?? (/\?\s*$/.test(String(t.data ?? '')) ? helpMenu(t.locale, 'notFound') : greet(t)),
    cardActions: gated({
      'plan.start': personal(p.start),
      'plan.save': personal(p.save),
      'plan.back': personal(p.back),
      'plan.open': personal(p.open),
      'plan.submit': personal(p.submit),
      'plan.cancel': personal(p.cancel),
      'plan.askChief': personal(p.askChief),
      'plan.together': personal(p.together),
      'plan.approveCorrected': personal(p.approveCorrected),
      'plan.resume': personal(p.resume),
      'plan.mine': personal(p.mine),
      'plan.history': personal(a.history),
      'plan.change': personal(p.change),
      'approval.approve': personal(a.approve),
      'approval.requestChanges': personal(a.requestChanges),
      'approval.reject': personal(a.reject),
      'approval.refresh': personal(a.refresh),
      'approval.assign': personal(a.assign),
      'approval.withdraw': personal(a.withdraw),
      'approval.appoint': personal(a.appoint),
      'register.show': register,
      'account.mine': personal(accounts.mine),
      'account.admins': personal(accounts.admins),
      'account.adminsSave': personal(accounts.adminsSave),
      'account.owner': personal(accounts.owner),
      'account.ownerSave': personal(accounts.ownerSave),
      'account.close': personal(accounts.close),
      'account.closeConfirm': personal(accounts.closeConfirm),
      'removal.form': personal(accounts.removalForm),
      'removal.save': personal(accounts.removalSave),
      'help.topics': (t) => helpMenu(t.locale),
      'help.topic': (t) => helpForCard(t.locale, t.data, t.conversation),
      'report.menu': personal(reports.menu),
      'report.form': personal(reports.form),
      'report.send': personal(reports.send),
      'report.aboutUnit': personal(aboutUnit),
      'report.diary': personal(reports.diary),
      'record.get': personal(records.get),
      'record.snapshot': personal(records.snapshot),
      'record.hold': personal(records.hold),
      'duty.archived': personal(duties.archived),
      'duty.upload': personal(uploadChoice(deps)),
      'duty.active': personal(duties.active),
      'duty.loginShared': personal(duties.loginShared),
      'duty.pause': personal(duties.pause),
      'duty.snooze': personal(duties.snooze),
      'duty.evaluation': personal(duties.evaluation),
      'duty.evaluationSend': personal(duties.evaluationSend),
      'absence.form': personal(absence.form),
      'absence.save': personal(absence.save),
      'org.departments': personal(org.show),
      'org.save': personal(org.save),
      'overview.show': personal(overview.show),
      'overview.overdue': personal(overview.overdue),
      'overview.remind': personal(overview.remind),
    }),
    unknownCardAction,
    files: personal(async (t) => receiveFiles(deps, t, z.array(fileSchema).catch([]).parse(t.data))),
    // Pickers are on cards in the person's own chat only.
    search: async (t) => (t.user && t.conversation === 'personal' ? chiefs(t.user, t.data) : []),
  };
}
