/* Chanchuang UI shell. Every behaviour of the pages lives here, switched on by data attributes,
   because the Content-Security-Policy forbids inline script and style (docs/security.md):
   - <select data-search>: searchable select (Tom Select);
   - <select data-autosubmit> (or any input): submits its form when it changes;
   - <form data-confirm="question">: asks before it submits;
   - <input type=checkbox data-check-all="selector">: ticks every box matching the selector
     inside the same table (or form);
   - <ul data-sortable>: drag to reorder (needs Sortable.min.js on the page);
   - data-width / data-left="42.5": the element's width / left offset in percent (bars).
   Content that htmx swaps in is enhanced the same way (htmx.onLoad). */
(function () {
  function each(root, selector, fn) {
    if (root.matches && root.matches(selector)) { fn(root); }
    root.querySelectorAll(selector).forEach(fn);
  }
  function percent(value) {
    var number = parseFloat(value);
    return isFinite(number) ? Math.min(Math.max(number, 0), 100) + "%" : "";
  }
  function enhance(root) {
    each(root, "select[data-search]:not(.tomselected)", function (el) {
      new TomSelect(el, { allowEmptyOption: true, maxOptions: 500 });
    });
    each(root, "[data-width]", function (el) { el.style.width = percent(el.dataset.width); });
    each(root, "[data-left]", function (el) { el.style.left = percent(el.dataset.left); });
    if (window.Sortable) {
      each(root, "[data-sortable]:not(.sortable-ready)", function (el) {
        el.classList.add("sortable-ready");
        new Sortable(el, { animation: 150 });
      });
    }
  }
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.closest && el.closest("[data-autosubmit]") && el.form) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
    var all = el.closest && el.closest("[data-check-all]");
    if (all) {
      var scope = all.closest("table") || all.closest("form") || document;
      scope.querySelectorAll(all.dataset.checkAll).forEach(function (box) {
        if (box !== all && !box.disabled) { box.checked = all.checked; }
      });
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  htmx.onLoad(enhance);
})();
