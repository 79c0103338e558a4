import type { GraphConfig } from './client';
import { graphClient } from './client';

/** A message with one PDF attached. */
export interface MailWithPdf {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly pdf: { readonly name: string; readonly bytes: Buffer };
}

/** Sends mail from a mailbox (R13: criticism to the registry's functional mailbox). */
export interface Mailer {
  send(from: string, mail: MailWithPdf): Promise<void>;
}

/** Graph's `POST /users/{mailbox}/sendMail` (application permission Mail.Send, limited to the mailbox by an access policy). */
export function connectMail(graph: GraphConfig): Mailer {
  const client = graphClient(graph);
  return {
    send: async (from, mail) => {
      await client.api(`/users/${encodeURIComponent(from)}/sendMail`).post({
        message: {
          subject: mail.subject,
          body: { contentType: 'Text', content: mail.text },
          toRecipients: [{ emailAddress: { address: mail.to } }],
          attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: mail.pdf.name, contentType: 'application/pdf', contentBytes: mail.pdf.bytes.toString('base64') }],
        },
        saveToSentItems: false,
      });
    },
  };
}
