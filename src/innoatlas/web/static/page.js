/* The start-up of every page, from a file: the Content-Security-Policy lets no inline script
   or event handler run, so the templates say what to do in data-* attributes and this reads them.
   - An element with data-chart="KIND" is drawn by the function charts.js or analysis.js registered
     for KIND (window.chartKinds), from the JSON block named by its data-source, with the page's
     options from the JSON block #chart-options.
   - A <select data-submit> submits its form when changed; the fields named in its data-clear are
     emptied first (a new subject clears the metric picked for the old one). */
(function () {
  "use strict";

  function json(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : {};
  }

  var kinds = window.chartKinds || {};
  var options = json("chart-options");
  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var draw = kinds[element.dataset.chart];
    if (draw) { draw(element.id, element.dataset.source, options); }
  });

  document.querySelectorAll("select[data-submit]").forEach(function (select) {
    select.addEventListener("change", function () {
      (select.dataset.clear || "").split(" ").filter(Boolean).forEach(function (name) {
        select.form.elements[name].value = "";
      });
      select.form.submit();
    });
  });
})();
