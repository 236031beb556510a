// The check-in asks "Which probiotic or supplement?" only once "Probiotic or supplement taken"
// is answered Yes (or a name is already saved). Without this script the question always shows.
(function () {
  "use strict";
  for (const question of document.querySelectorAll("form.checkin [data-asked-when]")) {
    const form = question.closest("form");
    const code = question.getAttribute("data-asked-when");
    const answers = form.querySelectorAll(`input[type="radio"][name="${code}"]`);
    const typed = question.querySelector("input, textarea");
    if (!answers.length || !typed) continue; // the probiotic question is hidden: keep asking
    const update = function () {
      const yes = form.querySelector(`input[type="radio"][name="${code}"][value="1"]:checked`);
      question.hidden = !yes && !typed.value.trim();
    };
    for (const answer of answers) answer.addEventListener("change", update);
    update();
  }
})();
