/* The student's ordered choices: drag to reorder (touch works), add and remove. The hidden
   inputs follow the list order, so the form posts the positions most wanted first. */
(function () {
  var chosen = document.getElementById("chosen");
  if (!chosen) { return; }
  var max = parseInt(chosen.dataset.max, 10);
  var empty = document.getElementById("chosen-empty");
  function refresh() { empty.hidden = chosen.children.length > 0; }
  new Sortable(chosen, { handle: ".drag-handle", animation: 150 });
  chosen.addEventListener("click", function (event) {
    if (event.target.closest("[data-remove]")) { event.target.closest("li").remove(); refresh(); }
  });
  document.getElementById("available").addEventListener("click", function (event) {
    var button = event.target.closest("[data-add]");
    if (!button) { return; }
    if (chosen.children.length >= max) { alert(chosen.closest(".card").querySelector(".card-title").textContent); return; }
    var item = button.closest("[data-id]");
    var li = document.createElement("li");
    li.className = "list-group-item d-flex align-items-center";
    li.dataset.id = item.dataset.id;
    li.innerHTML = '<span class="drag-handle me-2 text-secondary">⋮⋮</span><span class="flex-fill"></span>' +
      '<input type="hidden" name="position"><button type="button" class="btn btn-sm btn-ghost-danger" data-remove>×</button>';
    li.querySelector(".flex-fill").textContent = item.dataset.label;
    li.querySelector("input").value = item.dataset.id;
    chosen.appendChild(li);
    item.remove();
    refresh();
  });
})();
