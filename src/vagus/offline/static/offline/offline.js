// Installable and offline: registers the service worker, and keeps a check-in or meal saved
// without a connection on this device (IndexedDB) until it can be sent, once, by its key.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var config = script.dataset;

  if ("serviceWorker" in navigator && config.sw) {
    navigator.serviceWorker.register(config.sw, { scope: "/" }).catch(function () {
      // No worker (an old browser, private mode): the site works as a plain website.
    });
  }
  if (!config.person || !("indexedDB" in window)) { return; }

  var DB_NAME = "vagus-offline";
  var STORE = "queue";
  var urls = { checkin: config.checkinUrl, meal: config.mealUrl };

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // Where the person reads what happened: beside the form, or at the top of the page.
  function statusBox(form) {
    var box = document.querySelector("[data-offline-status]");
    if (!box) {
      box = document.createElement("p");
      box.className = "message offline-status";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      box.setAttribute("data-offline-status", "");
      var main = document.getElementById("main") || document.body;
      var anchor = form || main.firstElementChild;
      if (anchor && anchor.parentNode) { anchor.parentNode.insertBefore(box, anchor); } else { main.appendChild(box); }
    }
    return box;
  }
  function say(text, form) { statusBox(form).textContent = text; }

  function dayOf(form) {
    if (form.dataset.day) { return form.dataset.day; }
    var match = location.pathname.match(/\/day\/(\d{4}-\d{2}-\d{2})\//);
    return match ? match[1] : null;
  }
  function payloadFor(form, kind, key) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && typeof value === "string") { fields[name] = value; }
    });
    var saved = { key: key, person: config.person, saved_at: new Date().toISOString() };
    if (kind === "meal") {
      saved.text = fields.text || "";
      saved.eaten_at = fields.eaten_at || "";
      return saved;
    }
    saved.day = dayOf(form);
    saved.base_version = fields.version || "";
    delete fields.version;
    saved.values = fields;
    return saved;
  }

  function keep(form) {
    var kind = form.dataset.offline;
    if (!urls[kind]) { return Promise.resolve(); }
    var key = newKey();
    var item = { key: key, kind: kind, person: config.person, payload: payloadFor(form, kind, key) };
    return withStore("readwrite", function (store) { return store.put(item); }).then(function () {
      say("Saved on this phone, will sync when you are back online.", form);
    }).catch(function () {
      say("This could not be kept on this phone. Please try again when you are online.", form);
    });
  }

  function csrf() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) { return field.value; }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function send(item) {
    return fetch(urls[item.kind], {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify(item.payload)
    }).then(function (answer) {
      return answer.json().catch(function () { return {}; }).then(function (body) {
        return { status: answer.status, body: body };
      });
    });
  }
  function forget(key) {
    return withStore("readwrite", function (store) { return store.delete(key); });
  }

  var syncing = false;
  function sync() {
    if (syncing || navigator.onLine === false) { return Promise.resolve(); }
    syncing = true;
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (items) {
      // Only this person's: on a shared phone, someone else's waits for them to sign in.
      var mine = (items || []).filter(function (item) { return item.person === config.person; });
      return mine.reduce(function (previous, item) {
        return previous.then(function () {
          return send(item).then(function (answer) {
            if (answer.status === 200) {
              say(answer.body.message || "Synced.");
              return forget(item.key);
            }
            if (answer.status === 400 || answer.status === 422) {
              // It can never be stored as it is; say why rather than retry forever.
              say("Something kept on this phone could not be stored: " + (answer.body.detail || "it was not valid") + ".");
              return forget(item.key);
            }
            return null; // signed out, server trouble: it stays and is tried again later
          });
        });
      }, Promise.resolve());
    }).catch(function () { return null; }).finally(function () { syncing = false; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.offline) { return; }
    if (navigator.onLine !== false) { return; } // online: the form posts as usual
    event.preventDefault();
    keep(form);
  });
  window.addEventListener("online", sync);
  sync();
}());
