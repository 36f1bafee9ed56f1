/* The provincial view's comparison chart (Apache ECharts), drawn from the JSON script
   #province-data that comes with the page (json_script): one bar per college for the KPI
   chosen in #province-kpi. A withheld value ("<5") has no bar and says so in its label; its
   count never reaches the page. Tooltips are drawn on the canvas (renderMode richText) for the
   Content-Security-Policy, as in core/charts.js. */
(function () {
  var source = document.getElementById("province-data");
  var el = document.getElementById("province-chart");
  var picker = document.getElementById("province-kpi");
  if (!source || !el || !picker || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var withheld = el.dataset.withheld || "<5";
  var chart = echarts.init(el);

  function draw(key) {
    var figure = data.figures[key];
    if (!figure) { return; }
    var share = figure.unit === "share";
    chart.setOption({
      grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", renderMode: "richText", formatter: function (points) {
        var p = points[0];
        return p.name + "：" + (p.value === null || p.value === undefined ? withheld : p.value + (share ? "%" : ""));
      } },
      xAxis: { type: "value", max: share ? 100 : null },
      yAxis: { type: "category", inverse: true, data: data.schools },
      series: [{
        name: figure.label, type: "bar", itemStyle: { color: "#206bc4" },
        data: figure.values,
        label: { show: true, position: "right", formatter: function (p) {
          return p.value === null || p.value === undefined ? withheld : p.value + (share ? "%" : "");
        } }
      }]
    }, true);
  }

  picker.addEventListener("change", function () { draw(picker.value); });
  window.addEventListener("resize", function () { chart.resize(); });
  draw(picker.value);
}());
