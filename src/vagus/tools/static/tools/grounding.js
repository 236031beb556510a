/* Grounding, one sense at a time, at the person's own pace ("Next"). */
(function () {
  "use strict";
  var S = window.VagusSession;
  var steps = JSON.parse(document.getElementById("ground-steps").textContent);
  var heading = document.getElementById("ground-step");
  var progress = document.getElementById("ground-progress");
  var instruction = document.getElementById("instruction");
  var next = document.getElementById("next");
  var index = 0;
  var began = 0;

  function show() {
    var step = steps[index];
    progress.textContent = "Step " + (index + 1) + " of " + steps.length;
    heading.textContent = "Notice " + step[0] + " " + step[1];
    instruction.textContent = step[2];
    next.textContent = index === steps.length - 1 ? "Done" : "Next";
    heading.focus();
  }

  document.getElementById("start").addEventListener("click", function () {
    began = S.start();
    index = 0;
    show();
  });
  next.addEventListener("click", function () {
    if (index < steps.length - 1) {
      index += 1;
      show();
    } else {
      S.finish(Date.now() - began);
    }
  });
  document.getElementById("stop").addEventListener("click", function () {
    S.finish(Date.now() - began);
  });
})();
