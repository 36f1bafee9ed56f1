/* The gap page's charts (Apache ECharts), drawn from the JSON script #gap-data that comes with
   the page (json_script): bars per major (demand against graduating students), bars per skill
   (demand against graduates with evidence and those taught, stacked), the heat map of skills ×
   partners and the Sankey of majors → industries. The tables under each chart carry the same
   figures with their drill-down links. Tooltips are drawn on the canvas (renderMode richText)
   for the Content-Security-Policy, as in core/charts.js. */
(function () {
  var source = document.getElementById("gap-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var charts = [];

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    var chart = echarts.init(el);
    chart.setOption(option);
    charts.push(chart);
    return el;
  }

  function labels(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.dataset.labels) : [];
  }

  var majorLabels = labels("gap-majors-chart");
  draw("gap-majors-chart", {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: majorLabels },
    tooltip: { trigger: "axis", renderMode: "richText" },
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: data.majors.map(function (d) { return d[0]; }) },
    series: [
      { name: majorLabels[0], type: "bar", data: data.majors.map(function (d) { return d[1]; }), itemStyle: { color: "#d63939" } },
      { name: majorLabels[1], type: "bar", data: data.majors.map(function (d) { return d[2]; }), itemStyle: { color: "#206bc4" } }
    ]
  });

  var skillLabels = labels("gap-skills-chart");
  draw("gap-skills-chart", {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: skillLabels },
    tooltip: { trigger: "axis", renderMode: "richText" },
    dataZoom: data.skills.length > 20 ? [{ type: "slider", yAxisIndex: 0, start: 0, end: 100 * 20 / data.skills.length }] : [],
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: data.skills.map(function (d) { return d[0]; }) },
    series: [
      { name: skillLabels[0], type: "bar", data: data.skills.map(function (d) { return d[1]; }), itemStyle: { color: "#d63939" } },
      { name: skillLabels[1], type: "bar", stack: "supply", data: data.skills.map(function (d) { return d[2]; }), itemStyle: { color: "#2fb344" } },
      { name: skillLabels[2], type: "bar", stack: "supply", data: data.skills.map(function (d) { return d[3]; }), itemStyle: { color: "#a3d9b1" } }
    ]
  });

  var heat = data.heat;
  var most = heat.cells.reduce(function (m, c) { return Math.max(m, c[2]); }, 1);
  draw("gap-heat-chart", {
    grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
    tooltip: { renderMode: "richText", formatter: function (p) {
      return heat.skills[p.value[1]] + " · " + heat.partners[p.value[0]] + "：" + p.value[2];
    } },
    xAxis: { type: "category", data: heat.partners, axisLabel: { rotate: 30, width: 120, overflow: "truncate" } },
    yAxis: { type: "category", inverse: true, data: heat.skills },
    visualMap: { min: 0, max: most, calculable: true, orient: "horizontal", left: "center", bottom: 0 },
    series: [{ type: "heatmap", data: heat.cells, label: { show: heat.cells.length <= 200 } }]
  });

  draw("gap-sankey-chart", {
    tooltip: { renderMode: "richText" },
    series: [{
      type: "sankey", left: 8, right: 140, top: 8, bottom: 8,
      data: data.sankey.nodes, links: data.sankey.links,
      emphasis: { focus: "adjacency" }, lineStyle: { color: "gradient", curveness: 0.5 }
    }]
  });

  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
