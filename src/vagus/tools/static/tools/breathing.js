/* The breathing pacer: a shape that grows as you breathe in and shrinks as you breathe out, with
   a text cue. With prefers-reduced-motion the shape stays still and a counter shows instead. */
(function () {
  "use strict";
  var S = window.VagusSession;
  var form = S.form;
  var patterns = JSON.parse(document.getElementById("patterns").textContent);
  var pacer = document.getElementById("pacer");
  var shape = document.getElementById("shape");
  var cue = document.getElementById("cue");
  var counter = document.getElementById("counter");
  var remaining = document.getElementById("remaining");
  var custom = document.getElementById("custom-phases");
  var NAMES = ["Breathe in", "Hold", "Breathe out", "Hold"];
  var timer = null;
  var began = 0;

  function chosen() {
    var checked = form.querySelector("input[name=pattern]:checked");
    return checked ? checked.value : "slow";
  }
  function seconds(name) {
    var value = parseInt(form.elements[name].value, 10);
    return isNaN(value) ? 0 : Math.min(Math.max(value, 0), 15);
  }
  function phases() {
    var code = chosen();
    if (code !== "custom") return patterns[code];
    return [seconds("inhale"), seconds("hold_in"), seconds("exhale"), seconds("hold_out")];
  }
  function showCustom() { custom.hidden = chosen() !== "custom"; }
  form.addEventListener("change", showCustom);
  showCustom();

  function setShape(index, length) {
    if (pacer.classList.contains("reduced")) return;
    shape.style.transitionDuration = length + "s";
    if (index === 0) shape.classList.add("big");
    if (index === 2) shape.classList.remove("big");
  }

  function run(steps, total) {
    var cycle = (steps[0] + steps[1] + steps[2] + steps[3]) * 1000;
    var lastKey = "";
    function tick() {
      var elapsed = Date.now() - began;
      if (elapsed >= total) { stop(total); return; }
      var within = elapsed % cycle;
      var index = 0;
      var start = 0;
      while (index < 3 && (steps[index] === 0 || within >= start + steps[index] * 1000)) {
        start += steps[index] * 1000;
        index += 1;
      }
      var key = Math.floor(elapsed / cycle) + ":" + index;
      if (key !== lastKey) {
        lastKey = key;
        cue.textContent = NAMES[index];
        pacer.setAttribute("data-phase", String(index));
        setShape(index, steps[index]);
      }
      counter.textContent = String(Math.ceil((start + steps[index] * 1000 - within) / 1000));
      remaining.textContent = S.clock(total - elapsed) + " left";
      timer = setTimeout(tick, 200);
    }
    tick();
  }

  function stop(ms) {
    if (timer) clearTimeout(timer);
    timer = null;
    S.finish(ms);
  }

  document.getElementById("start").addEventListener("click", function () {
    var steps = phases();
    var error = document.getElementById("start-error");
    if (!steps[0] || !steps[2]) {
      error.textContent = "Breathing in and out each need at least 1 second.";
      return;
    }
    error.textContent = "";
    var minutes = parseInt(form.elements.minutes.value, 10) || 5;
    pacer.classList.toggle("reduced", S.reducedMotion());
    began = S.start();
    document.getElementById("stop").focus();
    run(steps, minutes * 60000);
  });
  document.getElementById("stop").addEventListener("click", function () {
    stop(Date.now() - began);
  });
})();
