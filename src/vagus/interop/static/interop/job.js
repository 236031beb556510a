// Follows a running import: updates the progress bar, and reloads the page when it is done.
(function () {
  "use strict";
  var box = document.getElementById("job-progress");
  if (!box) return;
  var bar = document.getElementById("job-progress-bar");
  var text = document.getElementById("job-progress-text");
  var url = box.getAttribute("data-status-url");
  var status = box.getAttribute("data-status");
  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { setTimeout(poll, 3000); return; }
        if (!data.running || data.status !== status) { window.location.reload(); return; }
        bar.value = data.percent;
        text.textContent = data.percent + "% done";
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 700);
})();
