// Charts: tap, hover or use the arrow keys on a chart to read the nearest day (or row) in
// words below it. Without this script the <title> of each mark and the table give the values.
"use strict";
(function () {
  function when(title) { return title.slice(0, title.indexOf(": ")); }
  function what(title) { return title.slice(title.indexOf(": ") + 2); }

  document.querySelectorAll("[data-chart]").forEach(function (figure) {
    var out = figure.querySelector(".chart-readout");
    var all = Array.prototype.slice.call(figure.querySelectorAll(".mark"));
    if (!out || !all.length) { return; }
    out.textContent = figure.getAttribute("data-hint") || "";

    function show(key) {
      var texts = [];
      all.forEach(function (mark) {
        var on = mark.getAttribute("data-key") === key;
        mark.classList.toggle("is-current", on);
        if (on) { texts.push(mark.querySelector("title").textContent); }
      });
      if (!texts.length) { return; }
      // One day across several panels reads as one sentence: "Tue 3 Mar: Anxiety 4, Mood 6".
      var same = texts.every(function (t) { return when(t) === when(texts[0]); });
      out.textContent = same && texts.length > 1
        ? when(texts[0]) + ": " + texts.map(what).join(", ")
        : texts.join("; ");
    }

    figure.querySelectorAll("svg.chart[data-axis]").forEach(function (svg) {
      var axis = svg.getAttribute("data-axis");
      var marks = Array.prototype.slice.call(svg.querySelectorAll(".mark[data-" + axis + "]"));
      if (!marks.length) { return; }
      var order = marks.map(function (m) { return m.getAttribute("data-key"); });
      var current = -1;

      function nearest(event) {
        var ctm = svg.getScreenCTM();
        if (!ctm) { return; }
        var point = svg.createSVGPoint();
        point.x = event.clientX; point.y = event.clientY;
        var at = point.matrixTransform(ctm.inverse())[axis];
        var best = 0, distance = Infinity;
        marks.forEach(function (mark, index) {
          var d = Math.abs(parseFloat(mark.getAttribute("data-" + axis)) - at);
          if (d < distance) { distance = d; best = index; }
        });
        current = best;
        show(order[best]);
      }

      svg.addEventListener("pointerdown", nearest);
      svg.addEventListener("pointermove", function (event) {
        if (event.pointerType === "mouse" || event.buttons) { nearest(event); }
      });
      // Keyboard: the chart takes focus and the arrow keys step from mark to mark.
      svg.setAttribute("tabindex", "0");
      svg.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (!step) { return; }
        event.preventDefault();
        current = Math.max(0, Math.min(marks.length - 1, current < 0 ? 0 : current + step));
        show(order[current]);
      });
    });
  });
})();
