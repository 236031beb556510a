// Pre-select the browser's own time zone on sign-up, unless the person already chose one.
(function () {
  var select = document.querySelector("select[data-detect-time-zone]");
  if (!select || select.value !== "UTC") return;
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && select.querySelector('option[value="' + zone + '"]')) select.value = zone;
  } catch (e) { /* keep UTC */ }
})();
