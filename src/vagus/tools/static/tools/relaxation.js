/* Progressive muscle relaxation, step by step: tense, then release, with a countdown. */
(function () {
  "use strict";
  var S = window.VagusSession;
  var steps = JSON.parse(document.getElementById("pmr-steps").textContent);
  var timing = document.getElementById("pmr-timing");
  var tense = parseInt(timing.getAttribute("data-tense"), 10) * 1000;
  var release = parseInt(timing.getAttribute("data-release"), 10) * 1000;
  var heading = document.getElementById("pmr-step");
  var progress = document.getElementById("pmr-progress");
  var cue = document.getElementById("cue");
  var instruction = document.getElementById("instruction");
  var counter = document.getElementById("counter");
  var total = steps.length * (tense + release);
  var timer = null;
  var began = 0;

  function tick() {
    var elapsed = Date.now() - began;
    if (elapsed >= total) { stop(total); return; }
    var index = Math.floor(elapsed / (tense + release));
    var within = elapsed - index * (tense + release);
    var tensing = within < tense;
    var name = steps[index][0];
    if (heading.textContent !== name) {
      heading.textContent = name;
      progress.textContent = "Step " + (index + 1) + " of " + steps.length;
    }
    var cueText = tensing ? "Tense" : "Let go, and notice the difference";
    if (cue.textContent !== cueText) {
      cue.textContent = cueText;
      instruction.textContent = tensing ? steps[index][1] : "Let the muscles go loose and heavy.";
    }
    var left = tensing ? tense - within : tense + release - within;
    counter.textContent = String(Math.ceil(left / 1000));
    timer = setTimeout(tick, 200);
  }

  function stop(ms) {
    if (timer) clearTimeout(timer);
    timer = null;
    S.finish(ms);
  }

  document.getElementById("start").addEventListener("click", function () {
    began = S.start();
    document.getElementById("stop").focus();
    tick();
  });
  document.getElementById("stop").addEventListener("click", function () {
    stop(Date.now() - began);
  });
})();
