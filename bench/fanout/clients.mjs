// A child process of the fan-out benchmark (bench/fanout.mjs): opens `count` /dcl WebSockets for one tenant, acks
// every `ackEvery` changes per socket, and per round reports each change's latency from its worker commit and
// from the publisher's send, the first/last receipt times, and this process's CPU time.
import WebSocket from "ws";
import { epochNow } from "../lib/api.mjs";

const { url, token, count, ackEvery } = JSON.parse(process.argv[2]);
const CONNECTING = 25;

let round = { expect: Infinity, fromCommit: [], fromSend: [], first: Infinity, last: 0, cpu: process.cpuUsage(), complete: 0 };
const problems = [];
const sockets = [];

function open() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/dcl`, ["autonomos.v1", `bearer.${token}`]);
    const state = { received: 0 };
    ws.on("open", () => resolve(ws));
    ws.on("error", reject);
    ws.on("close", (code, reason) => problems.push(`closed ${code} ${reason}`));
    ws.on("message", (data) => {
      const at = epochNow();
      const message = JSON.parse(data.toString());
      if (message.type === "heartbeat") return;
      if (message.type !== "change") return void problems.push(`unexpected ${message.type}`);
      round.fromCommit.push(at - message.row.committed_at);
      round.fromSend.push(at - message.row.sent_at);
      round.first = Math.min(round.first, at);
      round.last = at;
      state.received += 1;
      if (state.received % ackEvery === 0) ws.send(JSON.stringify({ type: "ack", seq: message.seq }));
      if (state.received === round.expect) {
        ws.send(JSON.stringify({ type: "ack", seq: message.seq }));
        round.complete += 1;
        if (round.complete === sockets.length) report();
      }
    });
    sockets.push({ ws, state });
  });
}

function report() {
  const cpu = process.cpuUsage(round.cpu);
  const { fromCommit, fromSend, first, last, complete } = round;
  process.send({ type: "round", fromCommit, fromSend, first, last, complete, cpuMs: (cpu.user + cpu.system) / 1000, problems: problems.splice(0) });
}

process.on("message", (message) => {
  if (message.type === "round") {
    for (const socket of sockets) socket.state.received = 0;
    round = { expect: message.expect, fromCommit: [], fromSend: [], first: Infinity, last: 0, cpu: process.cpuUsage(), complete: 0 };
    process.send({ type: "armed" });
  } else if (message.type === "report") {
    report(); // a round that timed out: what arrived so far
  } else if (message.type === "close") {
    for (const { ws } of sockets) ws.close(1000);
    process.exit(0);
  }
});

for (let opened = 0; opened < count; opened += CONNECTING) {
  await Promise.all(Array.from({ length: Math.min(CONNECTING, count - opened) }, open));
}
process.send({ type: "ready", sockets: sockets.length });
