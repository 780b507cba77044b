"""A MongoDB-protocol stand-in for the tests: mockupdb speaks the wire protocol (OP_MSG, and the OP_QUERY of the
driver's first handshake), mongomock executes each command against in-memory collections. It prints its port on
stdout once listening and serves until stdin closes, so it never outlives the test run that started it.
See README.md beside it for what it covers and what it does not."""
import datetime
import sys
import threading

import mockupdb
import mongomock
from bson.int64 import Int64

# As MongoDB 7.0 announces itself (wire version 21); the driver >= 6.10 refuses servers older than 4.2 (8).
HELLO = {
    "isWritablePrimary": True,
    "ismaster": True,
    "helloOk": True,
    "minWireVersion": 0,
    "maxWireVersion": 21,
    "maxBsonObjectSize": 16 * 1024 * 1024,
    "maxMessageSizeBytes": 48000000,
    "maxWriteBatchSize": 100000,
    "logicalSessionTimeoutMinutes": 30,
}
COMMAND_NOT_FOUND = 59
CURSOR_NOT_FOUND = 43
AUTHENTICATION_FAILED = 18
UNAUTHORIZED = 13
# A database named so stands for one the connection's user holds no role on: mongod refuses every command on it.
UNAUTHORIZED_PREFIX = "unauthorized_"
# Commands mongod answers before authorization is checked (the handshake, liveness, session cleanup).
UNCHECKED = {"hello", "isMaster", "ismaster", "ping", "endSessions"}
DEFAULT_BATCH = 101

mongo = mongomock.MongoClient()
# mongomock is not thread-safe and mockupdb serves each connection on its own thread: one command at a time.
lock = threading.Lock()
cursors = {}  # cursor id -> (namespace, remaining documents)
next_cursor_id = [1000]


def cursor_reply(namespace, docs, batch_size, first):
    batch, rest = docs[:batch_size], docs[batch_size:]
    cursor_id = 0
    if rest:
        next_cursor_id[0] += 1
        cursor_id = next_cursor_id[0]
        cursors[cursor_id] = (namespace, rest)
    # the driver reads the id as a BSON int64, as mongod sends it
    return {"cursor": {"id": Int64(cursor_id), "ns": namespace, "firstBatch" if first else "nextBatch": batch}}


def find(db, cmd):
    cursor = db[cmd["find"]].find(cmd.get("filter", {}), cmd.get("projection"))
    if cmd.get("sort"):
        cursor = cursor.sort(list(cmd["sort"].items()))
    cursor = cursor.skip(cmd.get("skip", 0)).limit(abs(cmd.get("limit", 0)))
    docs = list(cursor)
    return cursor_reply(f"{db.name}.{cmd['find']}", docs, cmd.get("batchSize", DEFAULT_BATCH), True)


def get_more(db, cmd):
    entry = cursors.pop(cmd["getMore"], None)
    if entry is None:
        raise mongomock.OperationFailure(f"cursor id {cmd['getMore']} not found", code=CURSOR_NOT_FOUND)
    namespace, docs = entry
    return cursor_reply(namespace, docs, cmd.get("batchSize", len(docs)), False)


def aggregate(db, cmd):
    docs = list(db[cmd["aggregate"]].aggregate(cmd["pipeline"]))
    batch = cmd.get("cursor", {}).get("batchSize", DEFAULT_BATCH)
    return cursor_reply(f"{db.name}.{cmd['aggregate']}", docs, batch, True)


def list_collections(db, cmd):
    # the driver filters by name to ask whether one collection exists; no other filter is used
    wanted = cmd.get("filter", {}).get("name")
    names = [name for name in sorted(db.list_collection_names()) if wanted is None or name == wanted]
    docs = [{"name": name, "type": "collection"} for name in names]
    return cursor_reply(f"{db.name}.$cmd.listCollections", docs, DEFAULT_BATCH, True)


def insert(db, cmd):
    db[cmd["insert"]].insert_many(cmd["documents"])
    return {"n": len(cmd["documents"])}


def update(db, cmd):
    collection, n, modified, upserted = db[cmd["update"]], 0, 0, []
    for index, spec in enumerate(cmd["updates"]):
        apply = collection.update_many if spec.get("multi") else collection.update_one
        result = apply(spec["q"], spec["u"], upsert=spec.get("upsert", False))
        n += result.matched_count
        modified += result.modified_count
        if result.upserted_id is not None:
            n += 1
            upserted.append({"index": index, "_id": result.upserted_id})
    return {"n": n, "nModified": modified, **({"upserted": upserted} if upserted else {})}


def delete(db, cmd):
    collection, n = db[cmd["delete"]], 0
    for spec in cmd["deletes"]:
        remove = collection.delete_one if spec.get("limit") == 1 else collection.delete_many
        n += remove(spec["q"]).deleted_count
    return {"n": n}


def kill_cursors(db, cmd):
    for cursor_id in cmd["cursors"]:
        cursors.pop(cursor_id, None)
    return {"cursorsKilled": cmd["cursors"]}


COMMANDS = {
    "hello": lambda db, cmd: {**HELLO, "localTime": datetime.datetime.now(datetime.timezone.utc)},
    "ping": lambda db, cmd: {},
    "endSessions": lambda db, cmd: {},
    "drop": lambda db, cmd: db.drop_collection(cmd["drop"]) and {},
    "find": find,
    "getMore": get_more,
    "killCursors": kill_cursors,
    "aggregate": aggregate,
    "listCollections": list_collections,
    "count": lambda db, cmd: {"n": db[cmd["count"]].count_documents(cmd.get("query", {}))},
    "insert": insert,
    "update": update,
    "delete": delete,
}
COMMANDS["isMaster"] = COMMANDS["ismaster"] = COMMANDS["hello"]


def handle(request):
    # a fire-and-forget message (the driver's endSessions on close): executed, never answered
    unacknowledged = request.flags & mockupdb.OP_MSG_FLAGS["moreToCome"]
    name = request.command_name
    if name in ("saslStart", "authenticate"):
        # the stand-in has no users: every login fails as mongod answers a wrong user or password
        return request.command_err(AUTHENTICATION_FAILED, "Authentication failed.", codeName="AuthenticationFailed")
    command = COMMANDS.get(name)
    if command is None:
        return request.command_err(COMMAND_NOT_FOUND, f"no such command: '{name}'", codeName="CommandNotFound")
    database = request.namespace.split(".")[0]
    if database.startswith(UNAUTHORIZED_PREFIX) and name not in UNCHECKED:
        message = f'not authorized on {database} to execute command {{ {name}: {request.doc[name]!r}, $db: "{database}" }}'
        return unacknowledged or request.command_err(UNAUTHORIZED, message, codeName="Unauthorized")
    db = mongo[database]
    try:
        with lock:
            reply = command(db, request.doc)
    except mongomock.OperationFailure as error:
        return unacknowledged or request.command_err(error.code or 2, str(error))
    return unacknowledged or request.reply(reply)


if __name__ == "__main__":
    # an optional port argument (the demo's fixed port); the OS picks one otherwise
    server = mockupdb.MockupDB(port=int(sys.argv[1]) if len(sys.argv) > 1 else None, request_timeout=int(1e6))
    server.autoresponds(handle)
    print(server.run(), flush=True)
    sys.stdin.read()
    server.stop()
