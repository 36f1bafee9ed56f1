/* Chanchuang UI shell: searchable selects (Tom Select) on every <select data-search>. */
(function () {
  function enhance(root) {
    root.querySelectorAll("select[data-search]:not(.tomselected)").forEach(function (el) {
      new TomSelect(el, { allowEmptyOption: true, maxOptions: 500 });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target); });
})();
