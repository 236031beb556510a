{% autoescape off %}// Vagus service worker: keeps the app shell (static files, the offline page) so the app opens
// and shows a clear page without a connection. Personal pages are never cached here.
"use strict";
var VERSION = "{{ version }}";
var CACHE = "vagus-shell-" + VERSION;
var SHELL = {{ shell }};
var OFFLINE_URL = {{ offline_url }};
var STATIC_PREFIX = {{ static_prefix }};
var ICON = {{ icon }};
var START_URL = {{ start_url }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL.map(function (url) { return new Request(url, { cache: "reload" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  // A new release's shell replaces the old one.
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("vagus-shell-") === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    // Pages always come from the server; without one, the offline page stands in.
    event.respondWith(fetch(request).catch(function () {
      return caches.open(CACHE).then(function (cache) { return cache.match(OFFLINE_URL); });
    }));
    return;
  }
  if (url.pathname.indexOf(STATIC_PREFIX) === 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        return hit || fetch(request);
      });
    }));
  }
});

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  var options = {
    body: data.body || "",
    icon: ICON,
    tag: data.tag || undefined,
    data: { url: data.url || START_URL, snooze_url: data.snooze_url || "" }
  };
  if (data.snooze_url) { options.actions = [{ action: "snooze", title: "Snooze 1 hour" }]; }
  event.waitUntil(self.registration.showNotification(data.title || "Vagus", options));
});

function sameSite(target) {
  var url = new URL(target, self.location.origin);
  return url.origin === self.location.origin ? url.href : new URL(START_URL, self.location.origin).href;
}

self.addEventListener("notificationclick", function (event) {
  var data = event.notification.data || {};
  event.notification.close();
  if (event.action === "snooze" && data.snooze_url) {
    event.waitUntil(fetch(sameSite(data.snooze_url), { method: "POST", credentials: "include" }));
    return;
  }
  var target = sameSite(data.url || START_URL);
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === target && "focus" in windows[i]) { return windows[i].focus(); }
    }
    return self.clients.openWindow(target);
  }));
});
{% endautoescape %}
