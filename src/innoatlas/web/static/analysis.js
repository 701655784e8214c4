/* Charts of the analysis pages (Apache ECharts, vendored). Text from documents reaches
   tooltips only through escapeText: ECharts renders formatter output as HTML. */
"use strict";

var AFONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
var ACOLOURS = {
  region: "#5470c6", zone: "#91cc75", university: "#fac858", institute: "#ee6666", platform: "#73c0de",
  enterprise: "#3ba272", government: "#fc8452", investor: "#9a60b4", program: "#ea7ccc", industry: "#8d6e63"
};

function escapeText(value) {
  return String(value === null || value === undefined ? "" : value)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function readData(id) { return JSON.parse(document.getElementById(id).textContent); }

function entityUrl(id, options) {
  return "/entities/" + id + (options && options.lang && options.lang !== "zh" ? "?lang=" + options.lang : "");
}

function startChart(elementId) {
  var element = document.getElementById(elementId);
  if (!element || typeof echarts === "undefined") { return null; }
  var chart = echarts.init(element);
  window.addEventListener("resize", function () { chart.resize(); });
  return chart;
}

/* One line per measure of a series; conflicting points red, superseded ones hollow. */
function drawTimeline(elementId, dataId, options) {
  var chart = startChart(elementId);
  if (!chart) { return null; }
  var series = readData(dataId);
  var periods = [];
  series.points.forEach(function (p) { if (periods.indexOf(p.period) < 0) { periods.push(p.period); } });
  var measures = {};
  series.points.forEach(function (p) { (measures[p.measure] = measures[p.measure] || []).push(p); });
  chart.setOption({
    textStyle: {fontFamily: AFONT},
    legend: {top: 0, textStyle: {fontFamily: AFONT}},
    tooltip: {trigger: "item", confine: true, formatter: function (p) {
      var point = p.data.point;
      var sources = point.sources.map(function (s) {
        var d = s.document || {};
        return "<div class='tip-quote'>" + escapeText(s.quote) + "</div><div class='muted'>" +
          escapeText(d.title || d.name) + " " + escapeText(d.outlet) + " " + escapeText(d.published) + "</div>";
      }).join("");
      var flag = point.superseded_by ? options.superseded : (point.conflict ? options.conflict : "");
      return "<b>" + escapeText(point.period) + "</b> " + escapeText(point.value) + escapeText(point.unit) +
        (flag ? " <span class='tip-conflict'>" + escapeText(flag) + "</span>" : "") + sources;
    }},
    grid: {left: 60, right: 30, top: 40, bottom: 30},
    xAxis: {type: "category", data: periods},
    yAxis: {type: "value"},
    series: Object.keys(measures).map(function (m) {
      return {name: m, type: "line", symbolSize: 11, connectNulls: true, data: measures[m].map(function (p) {
        return {value: [p.period, p.value_base], point: p, itemStyle: p.conflict ?
          {color: p.superseded_by ? "#fff" : "#d62728", borderColor: "#d62728", borderWidth: 2} : undefined};
      })};
    })
  });
  return chart;
}

/* The chain: stages left to right, segments in each, actors hanging off their segments. */
function drawChain(elementId, dataId, options) {
  var chart = startChart(elementId);
  if (!chart) { return null; }
  var data = readData(dataId);
  var stages = ["upstream", "midstream", "downstream"];
  var nodes = [], links = [], seen = {};
  data.segments.forEach(function (s, i) {
    var column = stages.indexOf(s.stage);
    var row = data.segments.filter(function (x, j) { return x.stage === s.stage && j < i; }).length;
    var actors = s.actors.items, filled = s.actors.total > 0;  /* a page of the segment's actors */
    nodes.push({id: "s:" + s.key, name: s.zh, x: column * 420, y: row * 90, symbol: "roundRect",
                symbolSize: [110, 34], fixed: true, itemStyle: {color: filled ? "#5470c6" : "#fff",
                borderColor: filled ? "#5470c6" : "#d62728", borderType: filled ? "solid" : "dashed"},
                label: {show: true, color: filled ? "#fff" : "#d62728"}, gap: !filled});
    actors.forEach(function (a, k) {
      var id = "e:" + a.id;
      if (!seen[id]) {
        seen[id] = true;
        nodes.push({id: id, name: a.name, entityId: a.id, x: column * 420 + 170, y: row * 90 + k * 22,
                    symbolSize: 12, itemStyle: {color: ACOLOURS[a.type] || "#999"}, label: {show: true, position: "right"}});
      }
      links.push({source: "s:" + s.key, target: id});
    });
  });
  chart.setOption({
    textStyle: {fontFamily: AFONT},
    tooltip: {formatter: function (p) {
      return p.dataType === "node" ? escapeText(p.data.name) + (p.data.gap ? " · " + escapeText(options.gap) : "") : "";
    }},
    series: [{type: "graph", layout: "none", roam: true, data: nodes, links: links,
              label: {fontFamily: AFONT}, lineStyle: {opacity: 0.5}}]
  });
  chart.on("click", function (p) {
    if (p.dataType === "node" && p.data.entityId) { window.location.href = entityUrl(p.data.entityId, options); }
  });
  return chart;
}

/* Nodes where the page placed them (a seeded layout, fitted into the box at any width), coloured
   by community (the legend is a list beside the plot), sized by weighted degree; cross-region
   links red. */
function drawNetwork(elementId, dataId, options) {
  var chart = startChart(elementId);
  if (!chart) { return null; }
  var data = readData(dataId);
  var typeLabels = (options && options.labels && options.labels.types) || {};
  var typeLabel = function (t) { return typeLabels[t] || t; };
  var maxDegree = Math.max.apply(null, data.nodes.map(function (n) { return n.weighted_degree; }).concat([1]));
  chart.setOption({
    textStyle: {fontFamily: AFONT},
    tooltip: {confine: true, formatter: function (p) {
      if (p.dataType === "edge") {
        var ev = (p.data.evidence || []).map(function (e) { return "<div class='tip-quote'>" + escapeText(e.quote) + "</div>"; });
        return "<b>" + escapeText(p.data.label) + "</b> ×" + escapeText(p.data.value) + ev.join("");
      }
      return escapeText(p.data.name) + " <span class='muted'>" + escapeText(typeLabel(p.data.type)) + " " +
        escapeText(p.data.province || "") + "</span>";
    }},
    series: [{
      type: "graph", layout: "none", roam: true, draggable: true,
      top: 20, bottom: 20, left: 20, right: 80,  // room for the labels of the rightmost nodes
      label: {show: true, position: "right", fontFamily: AFONT, formatter: "{b}"},
      labelLayout: {hideOverlap: true},
      data: data.nodes.map(function (n) {
        return {id: String(n.id), name: n.name, type: n.type, province: n.province, entityId: n.id,
                community: n.community, x: n.x, y: n.y, itemStyle: {color: n.colour},
                symbolSize: 6 + 24 * Math.sqrt(n.weighted_degree / maxDegree)};
      }),
      links: data.edges.map(function (e) {
        return {source: String(e.source), target: String(e.target), value: e.weight, evidence: e.evidence,
                label: e.source_name + " — " + e.target_name,
                lineStyle: {width: Math.min(6, 0.5 + e.weight / 2), opacity: 0.5,
                            color: e.source_province && e.target_province && e.source_province !== e.target_province ? "#d62728" : "#aaa"}};
      })
    }]
  });
  chart.on("click", function (p) {
    if (p.dataType === "node") { window.location.href = entityUrl(p.data.entityId, options); }
  });
  return chart;
}

/* Grouped bars per metric, each metric scaled to its largest value so metrics of any size compare;
   the radar shows the same shares. Raw values are in the tooltips and the table. */
function drawCompare(elementId, dataId, options) {
  /* Chinese labels first; English behind the language switch. */
  function rowLabel(r) { return options.lang === "zh" ? r.label : r.label_en; }
  var chart = startChart(elementId);
  if (!chart) { return null; }
  var data = readData(dataId);
  var rows = data.rows.filter(function (r) { return r.reported_by > 0; }).slice(0, 12);
  var shares = rows.map(function (r) {
    var max = Math.max.apply(null, r.cells.map(function (c) { return c ? Math.abs(c.value_base) : 0; }).concat([1e-9]));
    return r.cells.map(function (c) { return c ? Math.abs(c.value_base) / max : null; });
  });
  chart.setOption({
    textStyle: {fontFamily: AFONT},
    legend: {top: 0, data: data.units.map(function (u) { return u.name; })},
    tooltip: {trigger: "item", confine: true, formatter: function (p) {
      var c = p.data && p.data.cell;
      if (!c) { return escapeText(p.seriesName); }
      return "<b>" + escapeText(p.seriesName) + "</b> " + escapeText(c.value) + escapeText(c.unit) + " (" + escapeText(c.period) +
        ")<div class='tip-quote'>" + escapeText(c.quote) + "</div>";
    }},
    grid: {left: 50, right: "42%", top: 40, bottom: 80},
    xAxis: {type: "category", data: rows.map(rowLabel), axisLabel: {rotate: 35}},
    yAxis: {type: "value", max: 1},
    radar: {center: ["78%", "55%"], radius: "55%", indicator: rows.map(function (r) { return {name: rowLabel(r), max: 1}; })},
    series: data.units.map(function (u, k) {
      return {name: u.name, type: "bar", data: rows.map(function (r, i) {
        return {value: shares[i][k], cell: r.cells[k]};
      })};
    }).concat([{type: "radar", data: data.units.map(function (u, k) {
      return {name: u.name, value: rows.map(function (r, i) { return shares[i][k] || 0; })};
    })}])
  });
  return chart;
}

/* Scores as bars; each unit's Monte-Carlo rank range (5–95%) as a line on a second axis. */
function drawIndex(elementId, dataId, options) {
  var chart = startChart(elementId);
  if (!chart) { return null; }
  var data = readData(dataId);
  var names = data.units.map(function (u) { return u.unit.name; });
  chart.setOption({
    textStyle: {fontFamily: AFONT},
    tooltip: {trigger: "axis", confine: true, formatter: function (params) {
      var u = data.units[params[0].dataIndex];
      var r = u.rank_range || {};
      return "<b>" + escapeText(u.unit.name) + "</b> " + escapeText(u.score) + "<div>" + escapeText(options.rank) + " " +
        escapeText(u.rank) + " (" + escapeText(r.p5) + "–" + escapeText(r.p95) + ")</div><div class='muted'>" +
        escapeText(options.lang === "en" ? u.method : u.method_zh) + "</div>";
    }},
    grid: {left: 50, right: 50, top: 20, bottom: 60},
    xAxis: {type: "category", data: names, axisLabel: {rotate: 20}},
    yAxis: [{type: "value", max: 1},
            {type: "value", inverse: true, min: 1, max: Math.max(2, data.units.length), interval: 1, name: options.rank}],
    series: [
      {type: "bar", data: data.units.map(function (u) { return u.score; })},
      {type: "custom", yAxisIndex: 1, renderItem: function (params, api) {
        var low = api.coord([api.value(0), api.value(1)]), high = api.coord([api.value(0), api.value(2)]);
        return {type: "group", children: [
          {type: "line", shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style: {stroke: "#d62728", lineWidth: 2}},
          {type: "line", shape: {x1: low[0] - 6, y1: low[1], x2: low[0] + 6, y2: low[1]}, style: {stroke: "#d62728", lineWidth: 2}},
          {type: "line", shape: {x1: high[0] - 6, y1: high[1], x2: high[0] + 6, y2: high[1]}, style: {stroke: "#d62728", lineWidth: 2}}
        ]};
      }, data: data.units.map(function (u, i) {
        var r = u.rank_range || {p5: u.rank, p95: u.rank};
        return [i, r.p5, r.p95];
      })}
    ]
  });
  return chart;
}

// The pages name their charts in data-chart attributes; page.js draws them (no inline script).
window.chartKinds = Object.assign(window.chartKinds || {}, {
  timeline: drawTimeline, chain: drawChain, network: drawNetwork, compare: drawCompare, index: drawIndex
});
