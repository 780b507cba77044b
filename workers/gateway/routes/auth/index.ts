/** The auth plane's routes: sign-up, sign-in, token refresh, the caller, and API keys. */
import type { App } from "../../context";
import { registerRegister } from "./register";
import { registerLogin } from "./login";
import { registerRefresh } from "./refresh";
import { registerMe } from "./me";
import { registerCreateApiKey } from "./api-keys/create";
import { registerListApiKeys } from "./api-keys/list";
import { registerRevokeApiKey } from "./api-keys/revoke";

export function registerAuthRoutes(app: App): void {
  registerRegister(app);
  registerLogin(app);
  registerRefresh(app);
  registerMe(app);
  registerCreateApiKey(app);
  registerListApiKeys(app);
  registerRevokeApiKey(app);
}
