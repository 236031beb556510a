/* Shared by the timed tools: shows the "after" part when a session ends and fills in how long
   it took. Plain JavaScript, no build step; timing uses Date.now() and setTimeout so a test
   can fast-forward the page's clock. Without JavaScript the page is a written guide instead. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("session-form");
  var after = document.getElementById("after");
  if (after && !after.hasAttribute("data-keep-open")) after.hidden = true;

  function clock(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var seconds = String(s % 60);
    return Math.floor(s / 60) + ":" + (seconds.length < 2 ? "0" + seconds : seconds);
  }

  function minutesText(ms) {
    var minutes = Math.round(ms / 6000) / 10;
    return minutes === 1 ? "1 minute" : minutes + " minutes";
  }

  function start() {
    var button = document.getElementById("start");
    var pacer = document.getElementById("pacer");
    if (button) button.parentNode.hidden = true;
    pacer.hidden = false;
    return Date.now();
  }

  function finish(ms) {
    var pacer = document.getElementById("pacer");
    pacer.hidden = true;
    form.elements.duration_seconds.value = Math.max(1, Math.round(ms / 1000));
    // Under 30 seconds is not saved (the server says so too), so it is never "0.1 minutes".
    document.getElementById("duration-note").textContent = ms < 30000
      ? "That was a few seconds — it will not be saved. Start again whenever you like."
      : "Well done: " + minutesText(ms) + ".";
    after.hidden = false;
    document.getElementById("after-heading").focus();
  }

  window.VagusSession = {
    form: form,
    clock: clock,
    start: start,
    finish: finish,
    reducedMotion: function () {
      return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    },
  };
})();
