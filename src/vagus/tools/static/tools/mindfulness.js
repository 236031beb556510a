/* A quiet countdown with optional bells made by the browser (Web Audio oscillator, no files). */
(function () {
  "use strict";
  var S = window.VagusSession;
  var form = S.form;
  var pacer = document.getElementById("pacer");
  var remaining = document.getElementById("remaining");
  var note = document.getElementById("bell-note");
  var audio = null;
  var timer = null;
  var began = 0;
  var bells = 0;

  function bell(label) {
    bells += 1;
    pacer.setAttribute("data-bells", String(bells));
    note.textContent = label;
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      audio = audio || new Context();
      var now = audio.currentTime;
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.type = "sine";
      tone.frequency.value = 528;
      gain.gain.setValueAtTime(0.0001, now);
      gain.gain.exponentialRampToValueAtTime(0.25, now + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 3);
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start(now);
      tone.stop(now + 3.1);
    } catch (error) {
      /* No sound available: the written note above still marks the bell. */
    }
  }

  function run(total, every) {
    var nextBell = every;
    function tick() {
      var elapsed = Date.now() - began;
      if (elapsed >= total) {
        bell("The end. Take a moment before you move.");
        stop(total);
        return;
      }
      if (every && elapsed >= nextBell) {
        bell("Bell: " + S.clock(total - elapsed) + " left");
        nextBell += every;
      }
      remaining.textContent = S.clock(total - elapsed);
      timer = setTimeout(tick, 250);
    }
    tick();
  }

  function stop(ms) {
    if (timer) clearTimeout(timer);
    timer = null;
    S.finish(ms);
  }

  document.getElementById("start").addEventListener("click", function () {
    var minutes = parseInt(form.elements.minutes.value, 10) || 5;
    var every = (parseInt(form.elements.bell_every.value, 10) || 0) * 60000;
    bells = 0;
    began = S.start();
    document.getElementById("stop").focus();
    bell("Begin.");
    run(minutes * 60000, every);
  });
  document.getElementById("stop").addEventListener("click", function () {
    stop(Date.now() - began);
  });
})();
