/* The scorecard's radar (Apache ECharts) for an element with data-radar-chart; data:
   [[category, score, weight], ...] in the <script type="application/json"> that follows it
   (json_script). Tooltips drawn on the canvas (renderMode richText), as in core/charts.js,
   because the Content-Security-Policy refuses ECharts' inline-styled HTML tooltips. */
(function () {
  document.querySelectorAll("[data-radar-chart]").forEach(function (el) {
    var data = JSON.parse(el.nextElementSibling.textContent);
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { renderMode: "richText" },
      radar: {
        indicator: data.map(function (d) { return { name: d[0], max: d[2] }; }),
        radius: "62%"
      },
      series: [{
        type: "radar",
        data: [{ value: data.map(function (d) { return d[1]; }), name: "" }],
        areaStyle: { opacity: 0.25 },
        itemStyle: { color: "#206bc4" }
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
