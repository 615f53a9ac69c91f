// Draws the charts of a ror HTML report from the JSON in #ror-data with Chart.js (embedded
// above this script), then records what it drew in body[data-ror-status] for the tests.
(function () {
  'use strict';
  var status = { charts: {}, errors: [] };
  window.addEventListener('error', function (e) { status.errors.push(String(e.message)); });
  function done() { document.body.setAttribute('data-ror-status', JSON.stringify(status)); }
  try {
    var data = JSON.parse(document.getElementById('ror-data').textContent);
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;  // (the .chart box sets the height)
    Chart.defaults.font.family = 'system-ui, sans-serif';
    var colors = { roi: '#c0392b', ror: '#1f77b4', hygiene: '#2e8b57', rate: '#8e44ad', time: '#d68910' };
    function draw(id, config, points) {
      var canvas = document.getElementById(id);
      if (!canvas) { return; }
      new Chart(canvas, config);
      status.charts[id] = points;
    }
    if (data.posts && data.posts.points.length > 0) {
      draw('chart-posts', {
        type: 'scatter',
        data: { datasets: [{ label: 'posts', backgroundColor: colors.ror,
          data: data.posts.points.map(function (p) { return { x: p.x, y: p.y }; }) }] },
        options: {
          scales: { x: { title: { display: true, text: data.posts.x_label } },
                    y: { title: { display: true, text: data.posts.y_label }, beginAtZero: true } },
          plugins: { legend: { display: false }, tooltip: { callbacks: {
            label: function (ctx) {
              var p = data.posts.points[ctx.dataIndex];
              var lines = [p.date + ' - ' + (p.text || p.id), data.posts.x_label + ' ' + p.x + ', ' +
                           data.posts.y_label + ' ' + p.y];
              if (p.url) { lines.push(p.url); }
              return lines;
            } } } },
          onClick: function (event, elements) {
            if (elements.length > 0 && data.posts.points[elements[0].index].url) {
              window.open(data.posts.points[elements[0].index].url, '_blank', 'noopener');
            }
          }
        }
      }, data.posts.points.length);
    }
    if (data.months && data.months.labels.length > 0) {
      var m = data.months;
      var series = function (label, values, color, axis) {
        return { label: label, data: values, borderColor: color, backgroundColor: color,
                 yAxisID: axis, spanGaps: true, tension: 0.2 };
      };
      var known = 0;
      [m.roi, m.ror, m.hygiene, m.response_rate, m.median_hours].forEach(function (list) {
        list.forEach(function (v) { if (v !== null) { known += 1; } });
      });
      draw('chart-months', {
        type: 'line',
        data: { labels: m.labels, datasets: [
          series('ROI score', m.roi, colors.roi, 'y'),
          series('ROR score', m.ror, colors.ror, 'y'),
          series('hygiene score', m.hygiene, colors.hygiene, 'y'),
          series('comments answered (%)', m.response_rate, colors.rate, 'y'),
          series('median time to answer (hours)', m.median_hours, colors.time, 'hours')] },
        options: { scales: {
          y: { min: 0, max: 100, title: { display: true, text: 'score, %' } },
          hours: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
                   title: { display: true, text: 'hours' } } } }
      }, known);
    }
    var bars = function (id, block, label, color) {
      if (!block) { return; }
      var total = block.counts.reduce(function (a, b) { return a + b; }, 0);
      if (total === 0) { return; }
      draw(id, {
        type: 'bar',
        data: { labels: block.labels, datasets: [{ label: label, data: block.counts, backgroundColor: color }] },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
      }, total);
    };
    bars('chart-delays', data.delays, 'answers', colors.time);
    bars('chart-levels', data.levels, 'members', colors.ror);
  } catch (e) {
    status.errors.push(String(e && e.message ? e.message : e));
  }
  done();
}());
