// The ./axios entry point, type-checked once axios is installed beside the package.
import axios from "axios";
import { installAuthInterceptor } from "auth-errors-client/axios";

const eject: () => void = installAuthInterceptor(axios.create(), { refresh: async () => "token" });
eject();

// The DPoP hook: a proof per request, and one replay on `use_dpop_nonce`.
installAuthInterceptor(axios.create(), {
  refresh: async () => "token",
  dpop: ({ method, url, nonce, accessToken }) => `${method} ${url} ${nonce ?? ""} ${accessToken ?? ""}`,
})();
