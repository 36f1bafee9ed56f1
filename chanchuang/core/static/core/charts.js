/* Bar charts (Apache ECharts) for elements with data-bar-chart; data: [[label, value], ...]
   in the <script type="application/json"> that follows the element (json_script). The tooltip
   is drawn on the canvas (renderMode richText): ECharts' HTML tooltip writes markers with
   inline style="…" into the page, which the Content-Security-Policy refuses. */
(function () {
  document.querySelectorAll("[data-bar-chart]").forEach(function (el) {
    var data = JSON.parse(el.nextElementSibling.textContent);
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "value" },
      yAxis: { type: "category", inverse: true, data: data.map(function (d) { return d[0]; }) },
      series: [{ type: "bar", data: data.map(function (d) { return d[1]; }), itemStyle: { color: "#206bc4" } }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
