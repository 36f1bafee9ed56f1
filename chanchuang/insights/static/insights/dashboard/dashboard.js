/* The dashboard's charts (Apache ECharts), drawn from the JSON script #dashboard-data that
   comes with the page (json_script): a bar chart per breakdown (a bar leads to its records
   when the page gave it a link) and the trend of one figure over the last years. Each chart
   has ECharts' "save as image" (PNG). Tooltips are drawn on the canvas (renderMode richText)
   for the Content-Security-Policy, as in core/charts.js; the help marks use Bootstrap's
   tooltips when the page has them. */
(function () {
  var source = document.getElementById("dashboard-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var charts = [];

  function toolbox(name) {
    return { right: 8, feature: { saveAsImage: { type: "png", name: name, title: "PNG" } } };
  }

  document.querySelectorAll("[data-dashboard-chart]").forEach(function (el) {
    var key = el.dataset.dashboardChart;
    var figure = data.charts[key];
    if (!figure) { return; }
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      toolbox: toolbox("dashboard-" + key),
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: figure.labels },
      series: [{ type: "bar", data: figure.values, itemStyle: { color: "#206bc4" },
                 label: { show: true, position: "right" } }]
    });
    chart.on("click", function (params) {
      var url = figure.urls[params.dataIndex];
      if (url) { window.location.href = url; }
    });
    charts.push(chart);
  });

  var trendEl = document.querySelector("[data-dashboard-trend]");
  if (trendEl && data.trend && data.trend.years.length) {
    var trend = echarts.init(trendEl);
    var share = data.trend.unit === "share";
    trend.setOption({
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      toolbox: toolbox("dashboard-trend"),
      legend: { top: 0, left: 0, data: [data.trend.label] },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: data.trend.years },
      yAxis: { type: "value", axisLabel: { formatter: share ? "{value}%" : "{value}" } },
      series: [{ name: data.trend.label, type: "line", data: data.trend.values,
                 connectNulls: false, label: { show: true }, itemStyle: { color: "#2fb344" } }]
    });
    charts.push(trend);
  }

  if (window.bootstrap && window.bootstrap.Tooltip) {
    document.querySelectorAll("[data-bs-toggle=tooltip]").forEach(function (el) {
      window.bootstrap.Tooltip.getOrCreateInstance(el);
    });
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
