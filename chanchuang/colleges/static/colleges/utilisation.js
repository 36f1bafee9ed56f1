/* The utilisation chart (Apache ECharts): booked and used hours as a share of the open hours,
   per month; data [[month, booked %, used %], ...] in the JSON script #utilisation-data. The
   tooltip is drawn on the canvas (renderMode richText) for the Content-Security-Policy. */
(function () {
  var el = document.getElementById("utilisation-chart");
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(document.getElementById("utilisation-data").textContent);
  var labels = JSON.parse(el.dataset.labels);
  var chart = echarts.init(el);
  chart.setOption({
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { data: labels },
    tooltip: { trigger: "axis", renderMode: "richText" },
    xAxis: { type: "category", data: data.map(function (d) { return d[0]; }) },
    yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: [
      { name: labels[0], type: "bar", data: data.map(function (d) { return d[1]; }), itemStyle: { color: "#206bc4" } },
      { name: labels[1], type: "bar", data: data.map(function (d) { return d[2]; }), itemStyle: { color: "#2fb344" } }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
