/** The DCL view routes. */
import type { App } from "../../../context";
import { registerListView } from "./list";

export function registerViewRoutes(app: App): void {
  registerListView(app);
}
