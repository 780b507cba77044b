/**
 * How the gateway hands an authenticated upgrade to the tenant's TenantFeed: the subscription travels in the
 * internal request's URL, validated on both sides by one schema. The tenant is not in it: it is which object
 * receives the request, chosen from the credential.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema } from "../../canonical/names";
import { ChannelSchema } from "./messages";

/** `entities=account,contact` → ["account", "contact"]; absent or empty → every entity. */
export const EntityListSchema = z
  .string()
  .transform((value) => (value === "" ? [] : value.split(",")))
  .pipe(z.array(EntityNameSchema).max(EntityNameSchema.options.length));

export const SinceSchema = z.coerce.number().int().nonnegative();

export const ConnectSchema = z.object({
  channel: ChannelSchema,
  /** the last seq the client processed: it is sent everything after */
  since: SinceSchema.optional(),
  entities: EntityListSchema.optional(),
  /** who connected, for the object's logs */
  actor: z.string().min(1),
});
export type Connect = z.infer<typeof ConnectSchema>;

const ORIGIN = "https://tenant-feed.internal/connect";

export function connectUrl(connect: Connect): string {
  const url = new URL(ORIGIN);
  url.searchParams.set("channel", connect.channel);
  url.searchParams.set("actor", connect.actor);
  if (connect.since !== undefined) url.searchParams.set("since", String(connect.since));
  if (connect.entities !== undefined) url.searchParams.set("entities", connect.entities.join(","));
  return url.toString();
}

export function parseConnect(url: string) {
  return ConnectSchema.safeParse(Object.fromEntries(new URL(url).searchParams));
}
