import departments from './departments.json';
import type { Choice } from './plan';
import { expand } from './template';
import type { Verb } from './verbs';

/**
 * "Förvaltningar": the communications chief keeps who anchors plans, each department's communicator
 * and the communications chief, with Teams people pickers; a picker holds only the person chosen.
 */
export interface DepartmentsCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention' | 'warning';
  /** False for someone who may only read why they cannot change it. */
  readonly editable: boolean;
  readonly chief: { readonly label: string; readonly hint: string; readonly value: string; readonly picked: readonly Choice[]; readonly error?: string };
  readonly departmentsTitle: string;
  readonly departments: readonly {
    readonly input: string;
    readonly name: string;
    readonly value: string;
    readonly picked: readonly Choice[];
    readonly error?: string;
    /** The functional mailbox the register shows for the department (R3). */
    readonly mailbox: { readonly input: string; readonly label: string; readonly value: string; readonly error?: string };
  }[];
  readonly actions: readonly { readonly title: string; readonly verb: Verb }[];
}

export const departmentsCard = (data: DepartmentsCardData) => expand(departments, data);
