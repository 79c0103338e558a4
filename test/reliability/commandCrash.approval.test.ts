import { describeCrashes } from '../support/commandCrash';

// R4: the approval path's commands, each crashed after every write of its press and of its queue run
// (test/support/commandCrash.ts). An active account's commands are in commandCrash.account.test.ts, so
// the two halves run side by side.
describeCrashes(['submit', 'approve (the last step: active, registered, scheduled)', 'request changes', 'withdraw', 'owner change (approved by the chief)', 'plan change sent']);
