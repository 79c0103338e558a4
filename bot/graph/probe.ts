import { graphClient, type GraphConfig } from './client';

/** One real call to Graph, for the settings check: can Kanalkoll read users (User.Read.All)? */
export type GraphProbe = () => Promise<void>;

/** `GET /users?$top=1&$select=id` through the project's Graph client (its sign-in and retry handling). */
export function connectGraphProbe(graph: GraphConfig): GraphProbe {
  const client = graphClient(graph);
  return async () => {
    await client.api('/users').top(1).select('id').get();
  };
}
