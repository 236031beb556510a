// The time-zone select (grouped by country) works without this script. With it:
// the device's own zone comes first (and is chosen on sign-up, unless the person already
// chose one), and a search box above the list narrows it to matching countries and cities.
(function () {
  var select = document.querySelector("select[data-detect-time-zone]");
  if (!select) return;

  function fold(text) {
    // Case and accents do not matter: "aland" finds "Åland Islands".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var zone = null;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* none */ }
  var found = zone && select.querySelector('option[value="' + zone + '"]');
  if (found) {
    var group = document.createElement("optgroup");
    group.label = "Your device's time zone";
    var first = found.cloneNode(true);
    first.selected = false;
    group.appendChild(first);
    select.insertBefore(group, select.firstChild);
    if (select.value === "UTC" && select.form && select.form.hasAttribute("data-new-account")) {
      first.selected = true;
    }
  }

  // Search: rebuild the list from a copy, keeping the chosen zone whatever is typed.
  var all = Array.prototype.map.call(select.children, function (node) { return node.cloneNode(true); });
  var box = document.createElement("input");
  box.type = "search";
  box.id = select.id + "_search";
  box.className = "zone-search";
  box.setAttribute("autocomplete", "off");
  box.setAttribute("aria-controls", select.id);
  var label = document.createElement("label");
  label.htmlFor = box.id;
  label.textContent = "Search for your country or city";
  select.parentNode.insertBefore(label, select);
  select.parentNode.insertBefore(box, select);

  box.addEventListener("input", function () {
    var query = fold(box.value.trim());
    var chosen = select.value;
    select.textContent = "";
    all.forEach(function (node) {
      var copy = node.cloneNode(true);
      var options = copy.tagName === "OPTGROUP" ? Array.prototype.slice.call(copy.children) : [copy];
      var keep = 0;
      options.forEach(function (option) {
        var text = fold((copy.label || "") + " " + option.textContent + " " + option.value);
        if (!query || text.indexOf(query) !== -1 || option.value === chosen) {
          keep += 1;
        } else if (copy.tagName === "OPTGROUP") {
          copy.removeChild(option);
        }
      });
      if (keep) select.appendChild(copy);
    });
    select.value = chosen;
  });
})();
