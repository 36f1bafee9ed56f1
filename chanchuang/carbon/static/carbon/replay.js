/* The carbon replay (Apache ECharts): every trade's price on running time, the log's events as
   marked lines, and a cursor at the current step. The slider (#replay-slider) and the
   play/pause button (#replay-play) step through the log; each step shows its simulated day and
   time, the last price by then and the event's text, and highlights its row of the log table.
   Data from the JSON script #replay-data (json_script); no inline script (CSP). */
(function () {
  var source = document.getElementById("replay-data");
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  var steps = data.steps;
  var slider = document.getElementById("replay-slider");
  var button = document.getElementById("replay-play");
  var index = document.getElementById("replay-index");
  var box = document.getElementById("replay-step");
  var rows = document.querySelectorAll("#replay-log tr[data-step]");
  var el = document.getElementById("replay-chart");
  var chart = null;
  var labels = el ? JSON.parse(el.dataset.labels) : ["", ""];

  if (el && window.echarts) {
    chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: "item", renderMode: "richText" },
      grid: { left: 56, right: 24, top: 24, bottom: 40 },
      xAxis: { type: "value", min: 0, max: data.end, name: "s" },
      yAxis: { type: "value", scale: true },
      series: [
        { name: labels[0], type: "line", step: "end", showSymbol: data.trades.length < 200,
          symbolSize: 4, data: data.trades.map(function (t) { return [t[0], Number(t[1]), t[2]]; }),
          itemStyle: { color: "#206bc4" },
          markLine: { silent: true, symbol: "none", label: { show: false },
            lineStyle: { color: "#adb5bd", type: "dashed" },
            data: steps.filter(function (s) { return s.kind !== "day_closed"; })
              .map(function (s) { return { xAxis: s.t, name: s.text }; }) } },
        { name: labels[1], type: "line", data: [], markLine: { silent: true, symbol: "none",
          lineStyle: { color: "#d63939", width: 2 }, label: { show: false }, data: [] } }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function show(n) {
    var step = steps[n];
    if (!step) { return; }
    slider.value = n;
    index.textContent = String(n + 1);
    box.querySelector("[data-field=when]").textContent = step.when;
    box.querySelector("[data-field=price]").textContent = step.price || "—";
    box.querySelector("[data-field=text]").textContent = step.text;
    rows.forEach(function (row) {
      var on = Number(row.dataset.step) === n;
      row.classList.toggle("table-active", on);
      if (on) { row.scrollIntoView({ block: "nearest" }); }
    });
    if (chart) {
      chart.setOption({ series: [{}, { markLine: { data: [{ xAxis: step.t }] } }] });
    }
  }

  if (!slider || !button || !steps.length) { return; }
  var timer = null;
  function stop() {
    if (timer) { window.clearInterval(timer); timer = null; }
    button.textContent = button.dataset.play;
  }
  button.addEventListener("click", function () {
    if (timer) { stop(); return; }
    if (Number(slider.value) >= steps.length - 1) { show(0); }
    button.textContent = button.dataset.pause;
    timer = window.setInterval(function () {
      var next = Number(slider.value) + 1;
      if (next >= steps.length) { stop(); return; }
      show(next);
    }, 600);
  });
  slider.addEventListener("input", function () { stop(); show(Number(slider.value)); });
  show(0);
})();
