/**
 * A stand-in for `@azure/functions-core`, the module the Azure Functions host injects into
 * the Node worker. `@azure/functions` hands it every `app.http(…)`, `app.timer(…)` and so on
 * as `registerFunction(metadata, handler)`; keeping those calls lets the dev host and the tests
 * serve exactly the registrations Azure loads, with no second list to keep in step.
 */
export interface BindingMetadata {
  readonly type: string;
  readonly direction?: string;
  readonly [property: string]: unknown;
}

export interface FunctionMetadata {
  readonly name: string;
  readonly bindings: Record<string, BindingMetadata>;
}

export interface Registration {
  readonly metadata: FunctionMetadata;
  readonly handler: (...args: unknown[]) => unknown;
}

export const registrations: Registration[] = [];

export function registerFunction(metadata: FunctionMetadata, handler: Registration['handler']) {
  registrations.push({ metadata, handler });
  return { dispose: () => registrations.splice(registrations.findIndex((r) => r.handler === handler), 1) };
}

// The library also configures its programming model and hooks; the dev host needs neither.
export const setProgrammingModel = (): void => undefined;
export const getProgrammingModel = (): undefined => undefined;
export const registerHook = () => ({ dispose: () => undefined });
