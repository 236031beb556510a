// "Turn on notifications on this device": asks the browser's permission only when the
// person presses the button, then hands the subscription to the server.
(function () {
  "use strict";
  var box = document.querySelector("[data-push-device]");
  if (!box) { return; }
  var status = box.querySelector("[data-push-status]");
  var on = box.querySelector("[data-push-on]");
  var off = box.querySelector("[data-push-off]");

  function say(text) { status.textContent = text; }
  function csrf() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) { return field.value; }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify(body)
    }).then(function (answer) {
      if (!answer.ok) { throw new Error("server answered " + answer.status); }
      return answer.json();
    });
  }
  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }
  function show(subscribed) {
    on.hidden = subscribed;
    off.hidden = !subscribed;
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say("This browser cannot show notifications from Vagus. Reminders by email or calendar still work.");
    return;
  }
  if (Notification.permission === "denied") {
    say("Notifications are blocked for Vagus in this browser's settings. Allow them there to use them here.");
    return;
  }
  navigator.serviceWorker.ready.then(function (registration) {
    return registration.pushManager.getSubscription().then(function (existing) {
      if (existing) { say("Notifications are on for this device."); }
      show(Boolean(existing));
      on.addEventListener("click", function () {
        on.disabled = true;
        say("Asking this browser…");
        Notification.requestPermission().then(function (answer) {
          if (answer !== "granted") {
            throw new Error("not allowed");
          }
          return fetch(box.dataset.keyUrl, { credentials: "same-origin" });
        }).then(function (answer) { return answer.json(); }).then(function (key) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true, applicationServerKey: keyBytes(key.public_key)
          });
        }).then(function (subscription) {
          return post(box.dataset.subscribeUrl, subscription.toJSON());
        }).then(function () {
          say("Notifications are on for this device.");
          show(true);
        }).catch(function (error) {
          say(error.message === "not allowed"
            ? "Notifications were not allowed, so none will appear here."
            : "Notifications could not be turned on. Please try again later.");
        }).finally(function () { on.disabled = false; });
      });
      off.addEventListener("click", function () {
        off.disabled = true;
        registration.pushManager.getSubscription().then(function (subscription) {
          if (!subscription) { return null; }
          var endpoint = subscription.endpoint;
          return subscription.unsubscribe().then(function () {
            return post(box.dataset.unsubscribeUrl, { endpoint: endpoint });
          });
        }).then(function () {
          say("Notifications are off for this device.");
          show(false);
        }).catch(function () {
          say("Notifications could not be turned off. Please try again later.");
        }).finally(function () { off.disabled = false; });
      });
    });
  });
}());
