/*
 * The site's search worker: Material's search box talks to it with the messages of Material's own
 * worker (0 setup → 1 ready, 2 query → 3 result), so the box, the keyboard shortcut, the result list
 * and the highlighting stay Material's. overrides/main.html points Material to this file.
 *
 * Nothing heavy loads with the page: the stemmer, the engine and the index (search/kb_index.js)
 * load on the reader's first query. Under file:// (the offline edition) Material runs this file in
 * its iframe-worker shim, where importScripts returns a promise — hence every `await importScripts`.
 */
/* global importScripts */
"use strict";

var engine = null;
var loading = null;

function scriptUrl() {
  // In the iframe-worker shim the worker is a <script src> of an iframe; in a real worker, self.location.
  if (typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent) {
    return document.querySelector("script[src]").src;
  }
  return self.location.href;
}

async function load() {
  var here = scriptUrl();
  var url = function (path) { return new URL(path, here).href; };
  // A stand-in for the few lunr functions the vendored Snowball files call while they load.
  self.lunr = {
    version: "2.3.9",
    Pipeline: { registerFunction: function () {} },
    trimmerSupport: { generateTrimmer: function () { return function (token) { return token; }; } },
    generateStopWordFilter: function () { return function (token) { return token; }; }
  };
  await importScripts(url("vendor/lunr.stemmer.support.min.js"));
  await importScripts(url("vendor/lunr.ru.min.js"));
  await importScripts(url("engine.js"));
  await importScripts(url("../../../search/kb_index.js"));
  engine = new self.KbSearch.Engine(self.__kbIndex, self.lunr.ru.stemmer);
}

async function handle(message) {
  switch (message.type) {
    case 0:  // setup: Material sends its (empty) index; ours waits for the first query
      return { type: 1 };
    case 2:
      // Material sends the box's (empty) value as soon as the worker is ready: nothing to load yet.
      if (!String(message.data).trim()) return { type: 3, data: { items: [] } };
      if (!engine) await (loading = loading || load());
      try {
        return { type: 3, data: engine.search(message.data) };
      } catch (error) {
        console.warn("search: " + error);
        return { type: 3, data: { items: [] } };
      }
    default:
      throw new TypeError("Invalid message type");
  }
}

addEventListener("message", async function (event) {
  postMessage(await handle(event.data));
});
