// The openapi-fetch middleware form, type-checked once openapi-fetch is installed beside
// the package: the pack's structural types fit openapi-fetch's `Middleware` under the
// DOM's Request and Response.
import createClient, { type Middleware } from "openapi-fetch";
import { createAuthMiddleware } from "auth-errors-client";

interface paths {
  "/orders": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": { id: number }[] } } };
    };
  };
}

const auth = createAuthMiddleware(fetch, { refresh: async () => "token" });
const asMiddleware: Middleware = auth;
const client = createClient<paths>({ baseUrl: "/api" });
client.use(auth);
client.eject(asMiddleware);
auth.close();
