import { z } from 'zod';
import { parseNudge } from '../../store/nudges';
import type { NudgeMessage } from './schedule';

const nudge = z.unknown().transform((value, ctx) => {
  try {
    return parseNudge(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a nudge' });
    return z.NEVER;
  }
});

const schema = z.object({
  person: z.string().min(1),
  nudges: z.array(nudge).min(1),
  reach: z.object({ tenantId: z.string(), serviceUrl: z.string() }),
  attempt: z.number().int().positive(),
  unreachable: z.string().optional(),
});

/** A queue message checked before anything is sent for it. */
export function parseNudgeMessage(value: unknown): { ok: true; message: NudgeMessage } | { ok: false; problem: string } {
  const raw = typeof value === 'string' ? safeJson(value) : value;
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
