/* The carbon results page's chart (Apache ECharts): each trading day's candle (open, close,
   low, high of its listed or continuous trades; a day without trades is flat at its close)
   above its volume, from the JSON script #results-data (json_script). Tooltips are drawn on
   the canvas (renderMode richText) for the Content-Security-Policy. */
(function () {
  var source = document.getElementById("results-data");
  var el = document.getElementById("results-market-chart");
  if (!source || !el || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var labels = JSON.parse(el.dataset.labels);
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: "axis", axisPointer: { type: "cross" }, renderMode: "richText" },
    axisPointer: { link: [{ xAxisIndex: "all" }] },
    grid: [
      { left: 56, right: 16, top: 16, height: "58%" },
      { left: 56, right: 16, top: "76%", bottom: 24 }
    ],
    xAxis: [
      { type: "category", data: data.days, boundaryGap: true, axisLabel: { show: false } },
      { type: "category", gridIndex: 1, data: data.days, boundaryGap: true }
    ],
    yAxis: [
      { type: "value", scale: true, splitNumber: 4 },
      { type: "value", gridIndex: 1, splitNumber: 2 }
    ],
    series: [
      { name: labels[0], type: "candlestick", data: data.candles.map(function (c) { return c.map(Number); }),
        itemStyle: { color: "#d63939", color0: "#2fb344", borderColor: "#d63939", borderColor0: "#2fb344" } },
      { name: labels[1], type: "bar", xAxisIndex: 1, yAxisIndex: 1, data: data.volumes,
        itemStyle: { color: "#206bc4" } }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
