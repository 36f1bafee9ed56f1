/* The co-developed work form: show only the fields of the chosen kind. Each kind-specific
   field says its kinds in data-kinds; the kind select carries data-kind-switch. Without this
   script every field stays visible (and the page also offers a form per kind). */
(function () {
  "use strict";
  function update(select) {
    var kind = select.value;
    document.querySelectorAll("[data-kinds]").forEach(function (field) {
      var wrapper = field.closest(".mb-3") || field;
      var kinds = field.dataset.kinds.split(" ");
      wrapper.hidden = kind !== "" && kinds.indexOf(kind) === -1;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector("[data-kind-switch]");
    if (!select) { return; }
    update(select);
    select.addEventListener("change", function () { update(select); });
  });
})();
