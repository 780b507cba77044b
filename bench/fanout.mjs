// `npm run bench -- fanout`: WebSocket fan-out of one tenant's /dcl feed. BENCH_SOCKETS clients (spread over
// BENCH_FANOUT_PROCS Node processes, bench/fanout/clients.mjs) connect through the gateway; per round the publisher
// sends BENCH_FANOUT_MESSAGES publish requests one after another (POST /api/v1/bench/publish: publishMaterialized
// with BENCH_FANOUT_CHANGES changes each, stamped with the worker's clock when the publish call is made) and every
// client records each change's arrival. Reported: changes delivered per second across all sockets, and latency
// from the worker's commit timestamp (and, for reference, from the publisher's send) to receipt.
import { fork } from "node:child_process";
import { apiClient, epochNow } from "./lib/api.mjs";
import { median, percentile } from "./lib/stats.mjs";
import { enterpriseToken } from "./lib/tenant.mjs";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const PROCS = Number(process.env.BENCH_FANOUT_PROCS ?? 2);
const MESSAGES = Number(process.env.BENCH_FANOUT_MESSAGES ?? 100);
const CHANGES = Number(process.env.BENCH_FANOUT_CHANGES ?? 1);
const ACK_EVERY = Number(process.env.BENCH_FANOUT_ACK_EVERY ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_TIMEOUT_MS = 60_000;
const TARGET_P99_MS = 100;

/** Prints the figures; resolves false if a client missed a change, was cut off or a socket closed. */
export async function fanoutBench(worker) {
  const token = await enterpriseToken(worker, "fanout");
  const call = apiClient(worker.url, token);
  const clients = Array.from({ length: PROCS }, (_, i) => {
    const count = Math.floor(SOCKETS / PROCS) + (i < SOCKETS % PROCS ? 1 : 0);
    return fork(new URL("./fanout/clients.mjs", import.meta.url).pathname, [JSON.stringify({ url: worker.url, token, count, ackEvery: ACK_EVERY })]);
  });
  try {
    const connectStarted = performance.now();
    await Promise.all(clients.map((child) => next(child, "ready", 300_000)));
    const connectMs = performance.now() - connectStarted;
    await round(clients, call, 20); // warm-up
    const samples = [];
    for (let r = 0; r < ROUNDS; r++) samples.push(await round(clients, call, MESSAGES));
    return print(samples, connectMs);
  } finally {
    for (const child of clients) child.connected ? child.send({ type: "close" }) : child.kill();
  }
}

/** The next message of `type` from a child process. */
function next(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} from a client process within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`a client process exited (${code})`)));
  });
}

async function round(clients, call, messages) {
  await Promise.all(clients.map((child) => (child.send({ type: "round", expect: messages * CHANGES }), next(child, "armed", 10_000))));
  const reports = clients.map((child) => next(child, "round", ROUND_TIMEOUT_MS + 5_000));
  const timeout = setTimeout(() => clients.forEach((child) => child.send({ type: "report" })), ROUND_TIMEOUT_MS);
  const started = epochNow();
  const gateway = [];
  const publishRpc = [];
  for (let n = 0; n < messages; n++) {
    const sent = epochNow();
    const { committed_at, publish_ms } = await call("POST", "/api/v1/bench/publish?changes=" + CHANGES, { n, sent_at: sent });
    gateway.push(committed_at - sent);
    publishRpc.push(publish_ms);
  }
  const publishedMs = epochNow() - started;
  const results = await Promise.all(reports);
  clearTimeout(timeout);
  const last = Math.max(...results.map((r) => r.last));
  return {
    expected: messages * CHANGES * SOCKETS,
    delivered: results.reduce((sum, r) => sum + r.fromCommit.length, 0),
    deliveryMs: last - started,
    publishedMs,
    fromCommit: results.flatMap((r) => r.fromCommit),
    fromSend: results.flatMap((r) => r.fromSend),
    gateway,
    publishRpc,
    cpuShare: results.map((r) => r.cpuMs / (last - started)),
    problems: results.flatMap((r) => r.problems),
  };
}

function print(samples, connectMs) {
  const valid = samples.every((s) => s.delivered === s.expected && s.problems.length === 0);
  const med = (f) => median(samples.map(f));
  const fmt = (ms) => ms.toFixed(1).padStart(8);
  console.log(`\nWebSocket fan-out: ${SOCKETS} /dcl sockets of one tenant over ${PROCS} client processes, ${MESSAGES} publishes of ` +
    `${CHANGES} change(s) per round, ack every ${ACK_EVERY}, ${ROUNDS} rounds, local workerd (median of rounds)`);
  console.log(`connecting all sockets: ${(connectMs / 1000).toFixed(1)} s`);
  console.log(`delivered: ${Math.round(med((s) => s.delivered / (s.deliveryMs / 1000)))} changes/s across all sockets ` +
    `(${Math.round(med((s) => MESSAGES / (s.publishedMs / 1000)))} publishes/s, each publish request awaited)`);
  console.log("latency ms                                  p50      p99      max");
  const row = (label, f) => console.log(`${label.padEnd(40)}${fmt(med((s) => percentile(f(s), 50)))} ${fmt(med((s) => percentile(f(s), 99)))} ${fmt(med((s) => Math.max(...f(s))))}`);
  row("worker commit → receipt", (s) => s.fromCommit);
  row("publisher send → receipt", (s) => s.fromSend);
  row("publisher send → worker commit (gateway)", (s) => s.gateway);
  row("publish RPC (the feed's append + fan-out)", (s) => s.publishRpc);
  const p99 = med((s) => percentile(s.fromCommit, 99));
  console.log(`p99 commit → receipt = ${p99.toFixed(1)} ms (target <= ${TARGET_P99_MS} ms at ${SOCKETS} sockets: ${p99 <= TARGET_P99_MS ? "met" : "NOT met"})`);
  console.log(`client processes' CPU (share of one core, per process): ${samples.map((s) => s.cpuShare.map((c) => `${Math.round(c * 100)}%`).join("/")).join(", ")}`);
  for (const [i, s] of samples.entries()) {
    console.log(`  round ${i}: ${s.delivered}/${s.expected} delivered in ${Math.round(s.deliveryMs)} ms, p99 ${percentile(s.fromCommit, 99).toFixed(1)} ms${s.problems.length > 0 ? `, problems: ${[...new Set(s.problems)].join("; ")}` : ""}`);
  }
  if (!valid) console.error("a client missed changes, was cut off or closed; the figures above are not valid");
  return valid;
}
