// A small ActivityPub server written with Fedify, for Veille's federation tests: an independent implementation
// that follows Veille people and tags, receives what they send (Fedify checks each signature), and replies.
// Fedify 1.6 and later sign with RFC 9421 first and fall back to draft-cavage when answered 400 or 401.
// Listens on 127.0.0.1 on a free port and prints "READY <origin>"; the tests drive it through /control/*.
import http from "node:http";
import { randomUUID } from "node:crypto";
import {
  Accept, Announce, Create, createFederation, Delete, Endpoints, Follow, generateCryptoKeyPair, Hashtag,
  MemoryKvStore, Mention, Note, Person, PUBLIC_COLLECTION, Update,
} from "@fedify/fedify";

// Fedify 1.6 and later ask for Node 22; on Node 20 all they miss is ArrayBuffer.prototype.transfer (ES2024, used when
// exporting a key), given here as a copy. The original is not detached, which nothing here relies on.
if (typeof ArrayBuffer.prototype.transfer !== "function") {
  ArrayBuffer.prototype.transfer = function transfer(length = this.byteLength) {
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
    return copy;
  };
}

const USER = "peer";
const received = [];

// Each POST Fedify sends, with the signature scheme it used and the answer: the tests read from it whether Fedify's
// first knock (RFC 9421 since Fedify 1.6) was taken or whether it had to fall back to draft-cavage.
const knocks = [];
const send = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const method = input instanceof Request ? input.method : (init?.method ?? "GET");
  const headers = input instanceof Request ? input.headers : new Headers(init?.headers);
  const response = await send(input, init);
  if (method === "POST") {
    const spec = headers.has("Signature-Input") ? "rfc9421" : headers.has("Signature") ? "draft-cavage" : "unsigned";
    knocks.push({ url: input instanceof Request ? input.url : String(input), spec, status: response.status });
  }
  return response;
};
// Each POST the peer receives, with its signature scheme and what Fedify answered (it verifies before answering 2xx).
const inbound = [];
const keyPair = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");

// Veille runs on loopback in the tests: Fedify refuses private addresses unless told.
const federation = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true });

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== USER) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Fedify test peer",
      url: ctx.getActorUri(identifier),
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((key) => key.multikey),
    });
  })
  .setKeyPairsDispatcher(async (ctx, identifier) => (identifier === USER ? [keyPair] : []));

async function tagsOf(object) {
  const tags = [];
  for await (const tag of object.getTags()) {
    tags.push({ type: tag.constructor.name, name: tag.name?.toString(), href: tag.href?.href });
  }
  return tags;
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, async (ctx, accept) => {
    received.push({ type: "Accept", actor: accept.actorId?.href, object: accept.objectId?.href });
  })
  .on(Create, async (ctx, create) => {
    const note = await create.getObject();
    received.push({
      type: "Create", actor: create.actorId?.href, object: note?.id?.href, content: note?.content?.toString(),
      tags: note ? await tagsOf(note) : [],
    });
  })
  .on(Update, async (ctx, update) => {
    const note = await update.getObject();
    received.push({ type: "Update", actor: update.actorId?.href, object: note?.id?.href, content: note?.content?.toString() });
  })
  .on(Delete, async (ctx, del) => {
    received.push({ type: "Delete", actor: del.actorId?.href, object: del.objectId?.href });
  })
  .on(Announce, async (ctx, announce) => {
    const note = await announce.getObject();
    received.push({
      type: "Announce", actor: announce.actorId?.href, object: announce.objectId?.href,
      content: note?.content?.toString(), tags: note ? await tagsOf(note) : [],
    });
  });

async function control(origin, path, body) {
  const ctx = federation.createContext(new URL(origin), undefined);
  if (path === "/control/received") return received;
  if (path === "/control/knocks") return knocks;
  if (path === "/control/inbound") return inbound;
  const input = JSON.parse(body.toString("utf8") || "{}");
  if (path === "/control/follow") {
    const target = await ctx.lookupObject(input.object);
    if (target == null) throw new Error(`could not look up ${input.object}`);
    const follow = new Follow({
      id: new URL(`${origin}/follows/${randomUUID()}`), actor: ctx.getActorUri(USER), object: target.id,
    });
    await ctx.sendActivity({ identifier: USER }, target, follow);
    return { follow: follow.id.href };
  }
  if (path === "/control/reply") {
    const author = await ctx.lookupObject(input.to);
    if (author == null) throw new Error(`could not look up ${input.to}`);
    const noteId = new URL(`${origin}/notes/${randomUUID()}`);
    const tags = [new Mention({ href: author.id, name: `@${author.preferredUsername}` })];
    for (const name of input.hashtags ?? []) {
      tags.push(new Hashtag({ href: new URL(`${origin}/tags/${name}`), name: `#${name}` }));
    }
    const note = new Note({
      id: noteId, attribution: ctx.getActorUri(USER), content: input.content, replyTarget: new URL(input.inReplyTo),
      to: PUBLIC_COLLECTION, ccs: [author.id], tags,
    });
    await ctx.sendActivity({ identifier: USER }, author, new Create({
      id: new URL(`${noteId.href}/create`), actor: ctx.getActorUri(USER), object: note, to: PUBLIC_COLLECTION,
      ccs: [author.id],
    }));
    return { note: noteId.href };
  }
  return null;
}

const server = http.createServer(async (req, res) => {
  try {
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url, origin);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    if (url.pathname.startsWith("/control/")) {
      const answer = await control(origin, url.pathname, body);
      res.writeHead(answer == null ? 404 : 200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(answer));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const response = await federation.fetch(
      new Request(url, { method: req.method, headers, body: ["GET", "HEAD"].includes(req.method) ? undefined : body }),
      {
        contextData: undefined,
        onNotFound: () => new Response("Not found", { status: 404 }),
        onNotAcceptable: () => new Response("Not acceptable", { status: 406 }),
      },
    );
    if (req.method === "POST") {
      const spec = headers.has("Signature-Input") ? "rfc9421" : headers.has("Signature") ? "draft-cavage" : "unsigned";
      inbound.push({ path: url.pathname, spec, status: response.status });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(error);
    res.writeHead(500, { "Content-Type": "text/plain" });
    res.end(String(error?.stack ?? error));
  }
});

server.listen(0, "127.0.0.1", () => {
  console.log(`READY http://127.0.0.1:${server.address().port}`);
});
