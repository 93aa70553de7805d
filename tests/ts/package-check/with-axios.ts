// The ./axios entry point, type-checked once axios is installed beside the package.
import axios from "axios";
import { installAuthInterceptor } from "auth-errors-client/axios";

const eject: () => void = installAuthInterceptor(axios.create(), { refresh: async () => "token" });
eject();
