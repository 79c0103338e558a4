import type { Choice } from '../../../cards';
import type { FieldError, StepName } from '../../domain/activityPlan';
import { cardFields, echoLength } from '../turn';

/**
 * How a step's answers look on a card. Cards send strings: lists are numbered inputs
 * (goal1…goal3, admin1…admin3) and yes/no questions are toggles sending "true"/"false".
 */
const fields: Record<StepName, readonly string[]> = {
  who: ['kind', 'departmentId'],
  channel: ['platform', 'accountName', 'accountUrl', 'startDate', 'endDate'],
  purpose: ['purpose', 'audience', 'goals', 'complement', 'sourceUrl'],
  administration: ['admins', 'loginStorage', 'substitute'],
  commitments: [
    'knowsMedium',
    'hasTime',
    'knowsGuidelines',
    'linksToSource',
    'communicatorHasLogin',
    'answersWithin48h',
    'removesPostsWithin48h',
    'publishesModerationNotice',
    'followsGraphicProfile',
    'followsLegalTerms',
  ],
};

/** Lists and the prefix of their numbered inputs. */
const lists: Readonly<Record<string, string>> = { goals: 'goal', admins: 'admin' };
export const listInputs = 3;
/** Lists whose card shows a problem under the item it is about (goal2), not under the list. */
const perItemErrors = new Set(['goals']);

/**
 * Where a card shows an error: under its field, or under the input of the list item it names ("Mål 2"
 * is not measurable). Empty inputs are left out of a list, so item 0 is the first input filled in.
 */
export function errorSlot(error: FieldError, values: Record<string, string>): string {
  const prefix = lists[error.field];
  if (error.item === undefined || !prefix || !perItemErrors.has(error.field)) return error.field;
  const filled = Array.from({ length: listInputs }, (_, i) => `${prefix}${i + 1}`).filter((input) => (values[input] ?? '').trim() !== '');
  return filled[error.item] ?? error.field;
}
const optionalDates = new Set(['endDate']);
const toggles = new Set(fields.commitments);

const record = (value: unknown): Record<string, unknown> => cardFields.parse(value);

/**
 * A step's answers from what the card sent, for the domain to validate. Only the step's own
 * fields are taken; anything else the card (or a forger) sent is left out. Values of the wrong
 * type go through unchanged, so validation names them.
 */
export function answersFromCard(step: StepName, data: unknown): Record<string, unknown> {
  const input = record(data);
  const answers: Record<string, unknown> = {};
  for (const field of fields[step]) {
    const prefix = lists[field];
    if (prefix) {
      const items = Array.from({ length: listInputs }, (_, i) => input[`${prefix}${i + 1}`]);
      answers[field] = items.filter((item) => !(typeof item === 'string' && item.trim() === '') && item !== undefined);
    } else if (toggles.has(field)) {
      const value = input[field];
      answers[field] = value === 'true' || value === true ? true : value === 'false' || value === undefined ? false : value;
    } else if (optionalDates.has(field) && (input[field] === '' || input[field] === undefined)) {
      continue;
    } else {
      answers[field] = input[field];
    }
  }
  return answers;
}

/** The card's input values for a step, from stored answers or from what the card last sent. */
export function cardValues(step: StepName, answers: unknown): Record<string, string> {
  const source = record(answers);
  const values: Record<string, string> = {};
  for (const field of fields[step]) {
    const prefix = lists[field];
    const value = source[field];
    if (prefix) {
      const items = Array.isArray(value) ? value : [];
      for (let i = 0; i < listInputs; i++) values[`${prefix}${i + 1}`] = typeof items[i] === 'string' ? (items[i] as string) : '';
    } else if (toggles.has(field)) {
      values[field] = value === true ? 'true' : 'false';
    } else {
      values[field] = typeof value === 'string' ? value : '';
    }
  }
  return values;
}


/** What the applicant typed, as input values, when a refused step is shown again. */
export function sentValues(step: StepName, data: unknown): Record<string, string> {
  const values = cardValues(step, answersFromCard(step, data));
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value.slice(0, echoLength)]));
}

/** Fields picked with a Teams people picker: their values are Entra ID object ids. */
const people = new Set(['admins', 'substitute']);

/**
 * The people pickers of a step and who each shows as chosen: a picker shows a chosen person only
 * as one of its choices, so each gets the one person it holds (named by `nameOf`), never a list.
 */
export function pickedPeople(step: StepName, values: Readonly<Record<string, string>>, nameOf: (id: string) => string): Record<string, Choice[]> {
  const inputs = fields[step].filter((field) => people.has(field)).flatMap(inputsOf);
  return Object.fromEntries(inputs.map((input) => [input, values[input] ? [{ title: nameOf(values[input]), value: values[input] }] : []]));
}


/** A field's card inputs: itself, or a list's numbered inputs. */
function inputsOf(field: string): string[] {
  const prefix = lists[field];
  return prefix ? Array.from({ length: listInputs }, (_, i) => `${prefix}${i + 1}`) : [field];
}
