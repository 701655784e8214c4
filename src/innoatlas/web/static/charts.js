/* Charts of the innoatlas pages (Apache ECharts, vendored). Text from documents
   reaches the tooltips only through escapeHtml: ECharts renders formatter output as HTML. */
"use strict";

var FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
var TYPE_COLOURS = {
  region: "#5470c6", zone: "#91cc75", university: "#fac858", institute: "#ee6666", platform: "#73c0de",
  enterprise: "#3ba272", government: "#fc8452", investor: "#9a60b4", program: "#ea7ccc", industry: "#8d6e63"
};

function escapeHtml(value) {
  return String(value === null || value === undefined ? "" : value)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function readJson(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

function pageUrl(path, options) {
  return options && options.lang && options.lang !== "zh" ? path + "?lang=" + options.lang : path;
}

function drawGraph(elementId, dataId, options) {
  var graph = readJson(dataId);
  var element = document.getElementById(elementId);
  if (!graph.nodes.length) { return null; }
  var types = Object.keys(TYPE_COLOURS);
  // Legends and tooltips in the page's language (the keys stay the data's English names).
  var labels = (options && options.labels) || {types: {}, predicates: {}};
  var typeLabel = function (t) { return labels.types[t] || t; };
  var predicateLabel = function (p) { return labels.predicates[p] || p; };
  var chart = echarts.init(element);
  chart.setOption({
    textStyle: {fontFamily: FONT},
    tooltip: {
      confine: true,
      formatter: function (p) {
        if (p.dataType === "edge") {
          var ev = (p.data.evidence || []).map(function (e) { return "<div class='tip-quote'>" + escapeHtml(e.quote) + (e.quote_cut ? "…" : "") + "</div>"; });
          return "<b>" + escapeHtml(predicateLabel(p.data.predicate)) + "</b> ×" + p.data.count + ev.join("");
        }
        return escapeHtml(p.data.name) + " <span class='muted'>" + escapeHtml(typeLabel(p.data.type)) + "</span>";
      }
    },
    // The legend sits below the plot (the graph keeps out of its band) and scrolls on a phone.
    legend: [{data: types.map(typeLabel), bottom: 0, type: "scroll", textStyle: {fontFamily: FONT}}],
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true,
      top: 10, bottom: 40, left: 10, right: 10,
      force: {repulsion: 160, edgeLength: [60, 140]},
      categories: types.map(function (t) { return {name: typeLabel(t), itemStyle: {color: TYPE_COLOURS[t]}}; }),
      label: {show: true, position: "right", fontFamily: FONT, formatter: "{b}"},
      edgeSymbol: ["none", "arrow"], edgeSymbolSize: 6,
      lineStyle: {opacity: 0.6, curveness: 0.1},
      data: graph.nodes.map(function (n) {
        return {id: String(n.id), name: n.name, type: n.type, entityId: n.id,
                category: Math.max(0, types.indexOf(n.type)),
                symbolSize: n.depth === 0 ? 28 : 14};
      }),
      links: graph.edges.map(function (e) {
        return {source: String(e.source), target: String(e.target), predicate: e.predicate,
                count: e.count, evidence: e.evidence};
      })
    }]
  });
  chart.on("click", function (p) {
    if (p.dataType === "node" && p.data.entityId !== graph.center.id) {
      window.location.href = pageUrl("/entities/" + p.data.entityId, options);
    }
  });
  window.addEventListener("resize", function () { chart.resize(); });
  return chart;
}

function drawSeries(elementId, dataId, options) {
  var series = readJson(dataId);
  var points = series.items.filter(function (p) { return p.period; });
  var periods = Array.from(new Set(points.map(function (p) { return p.period; }))).sort();
  var unit = points.length ? (points[0].value_base !== null ? points[0].base_unit : points[0].unit) : "";
  var chart = echarts.init(document.getElementById(elementId));
  var data = points.map(function (p) {
    return {
      value: [p.period, p.value_base !== null ? p.value_base : p.value],
      indicator: p,
      itemStyle: p.conflict ? {color: "#d62728"} : undefined
    };
  });
  chart.setOption({
    textStyle: {fontFamily: FONT},
    tooltip: {
      trigger: "item", confine: true, className: "series-tip",
      formatter: function (p) {
        var i = p.data.indicator;
        var doc = i.document || {};
        return "<b>" + escapeHtml(i.period) + "</b>: " + escapeHtml(i.value) + escapeHtml(i.unit) +
          (i.conflict ? " <span class='tip-conflict'>" + escapeHtml(options.conflict) + "</span>" : "") +
          "<div class='tip-quote'>" + escapeHtml(i.quote) + "</div>" +
          "<div class='muted'>" + escapeHtml(doc.title) + " " + escapeHtml(doc.outlet) + " " + escapeHtml(doc.published) + "</div>";
      }
    },
    grid: {left: 60, right: 30, top: 30, bottom: 40},
    xAxis: {type: "category", data: periods, axisLabel: {fontFamily: FONT}},
    yAxis: {type: "value", name: unit, nameTextStyle: {fontFamily: FONT}},
    series: [{type: "line", data: data, symbolSize: 12, connectNulls: true,
              lineStyle: {opacity: 0.4}}]
  });
  chart.on("click", function (p) {
    if (p.data && p.data.indicator) { window.location.href = pageUrl("/indicators/" + p.data.indicator.id, options); }
  });
  window.addEventListener("resize", function () { chart.resize(); });
  return chart;
}

// The pages name their charts in data-chart attributes; page.js draws them (no inline script).
window.chartKinds = Object.assign(window.chartKinds || {}, {graph: drawGraph, series: drawSeries});
