/**
 * Structured logs: one JSON object a line, so Application Insights (which collects the
 * worker's console) can query them by event, invocation id and activity id.
 */
export type Fields = Record<string, string | number | boolean | undefined>;

export interface Log {
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
}

// level and event come first and cannot be overwritten by a field of the same name.
const line = (level: string, event: string, fields: Fields | undefined) =>
  JSON.stringify(Object.assign({ level, event }, fields, { level, event }));

export const consoleLog: Log = {
  info: (event, fields) => console.info(line('info', event, fields)),
  warn: (event, fields) => console.warn(line('warn', event, fields)),
  error: (event, fields) => console.error(line('error', event, fields)),
};
