/** A connection's source health as a badge and what to do about it (the README's "Source health" table). */
import type { SourceState } from "./types";

export type Tone = "ok" | "warn" | "bad" | "neutral";

export interface SourceHealth {
  label: string;
  tone: Tone;
  /** what the person should do; null when nothing is needed */
  hint: string | null;
}

const HEALTH: Record<SourceState, SourceHealth> = {
  ok: { label: "ok", tone: "ok", hint: null },
  "bad-credentials": {
    label: "bad credentials",
    tone: "bad",
    hint: "The source refuses the stored credentials: update the connection's secrets (or the source user's login), then test it.",
  },
  "missing-permission": {
    label: "missing permission",
    tone: "bad",
    hint: "The source user cannot read an object or field the sync needs: grant it at the source.",
  },
  "quota-reached": {
    label: "quota reached",
    tone: "warn",
    hint: "The source's API allocation is used up: syncs wait and resume on their own; if it keeps happening, raise the allocation.",
  },
  unreachable: {
    label: "unreachable",
    tone: "bad",
    hint: "The source could not be reached after retries: check its URL and that it is up, then sync again.",
  },
  "schema-drift": {
    label: "schema drift",
    tone: "warn",
    hint: "A field or object the mapping relies on is gone at the source: restore it there, or save a mapping without it.",
  },
};

const NEVER_CHECKED: SourceHealth = { label: "not checked", tone: "neutral", hint: "Never synced or tested yet: test it." };

export const sourceHealth = (state: SourceState | null): SourceHealth => (state === null ? NEVER_CHECKED : HEALTH[state]);
