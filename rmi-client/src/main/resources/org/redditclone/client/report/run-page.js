// The run page's one renderer: draws a RunView (the JSON of org.redditclone.client.report.RunView)
// or several side by side ({"sides": [{"label": "A", "view": {...}}, ...]}), from the data embedded
// in the page (report.html, a comparison) or polled every second from body[data-source] (live).
// Marks for a headless browser: each chart's element gets data-rendered="true" once uPlot has
// drawn it ("empty" with a message when it has no data), body data-checked="true" after the first
// render and data-updates the number of renders; script errors go to <pre id="page-errors">.
(function () {
  'use strict';

  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
    '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#ad494a', '#637939', '#8ca252', '#e7969c',
    '#7b4173', '#a55194', '#3182bd', '#e6550d', '#31a354', '#756bb1', '#636363'];
  var PERCENTILE_COLORS = {p50: '#2ca02c', p90: '#1f77b4', p99: '#ff7f0e', 'p99.9': '#d62728', max: '#7f7f7f'};
  var SIDE_DASH = [undefined, [8, 5], [2, 4]];
  var CHART_HEIGHT = 330;
  var WHOLE_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];
  var charts = {};
  var updates = 0;
  var severalSides = false;

  function reportError(message) {
    var pre = document.getElementById('page-errors');
    pre.textContent += message + '\n';
    pre.hidden = false;
  }
  window.addEventListener('error', function (event) {
    reportError('error: ' + event.message + ' at ' + event.filename + ':' + event.lineno);
  });

  // ---- small helpers ----

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }
  function num(v, digits) {
    return v === null || v === undefined ? '–' : Number(v).toFixed(digits);
  }
  function whole(v) {
    return v === null || v === undefined ? '–' : Math.round(v).toLocaleString('en-US');
  }
  function positive(v) { return v !== null && v !== undefined && v > 0 ? v : null; }
  function anyValue(values) {
    for (var i = 0; i < values.length; i++) { if (values[i] !== null) { return true; } }
    return false;
  }
  function named(side, name) { return side.label ? side.label + ' ' + name : name; }
  /** Returns a table; a first column named 'side' is left out when the page shows one view. */
  function table(header, rows, numeric, caption) {
    if (header[0] === 'side' && !severalSides) {
      header = header.slice(1);
      rows = rows.map(function (row) { return row.slice(1); });
      var shifted = numeric;
      numeric = function (c) { return shifted(c + 1); };
    }
    var t = el('table');
    if (caption) { t.appendChild(el('caption', caption)); }
    var tr = el('tr');
    header.forEach(function (h, c) { tr.appendChild(el('th', h, numeric(c) ? 'num' : '')); });
    t.appendChild(el('thead')).appendChild(tr);
    var tbody = t.appendChild(el('tbody'));
    rows.forEach(function (row) {
      var r = tbody.appendChild(el('tr'));
      row.forEach(function (cell, c) {
        var td = r.appendChild(el('td', cell && cell.text !== undefined ? cell.text : cell,
          numeric(c) ? 'num' : ''));
        if (cell && cell.className) { td.classList.add(cell.className); }
      });
    });
    return t;
  }
  function fill(id, nodes) {
    var holder = document.getElementById(id);
    holder.replaceChildren.apply(holder, nodes);
  }
  function sidesOf(data) { return data.sides ? data.sides : [{label: '', view: data}]; }

  /** Returns the operations of a view's seconds and summary, ALL last. */
  function opsOf(view) {
    var seen = {};
    var ops = [];
    function add(op) { if (!seen[op] && op !== 'ALL') { seen[op] = true; ops.push(op); } }
    view.summary.forEach(function (row) { add(row.op); });
    view.seconds.forEach(function (s) { Object.keys(s.ops).forEach(add); });
    return ops;
  }

  /** Returns [0 .. the last second of every side]. */
  function secondsAxis(sides) {
    var last = -1;
    sides.forEach(function (side) {
      var s = side.view.seconds;
      if (s.length) { last = Math.max(last, s[s.length - 1].second); }
    });
    var xs = [];
    for (var i = 0; i <= last; i++) { xs.push(i); }
    return xs;
  }

  /** Returns, over xs, the value pick(second) of each second of the view (null where none). */
  function perSecond(view, xs, pick) {
    var values = xs.map(function () { return null; });
    view.seconds.forEach(function (s) {
      if (s.second >= 0 && s.second < values.length) {
        var v = pick(s);
        values[s.second] = v === undefined || v === null || Number.isNaN(v) ? null : v;
      }
    });
    return values;
  }
  function opValue(op, field) {
    return function (s) { var o = s.ops[op]; return o ? o[field] : null; };
  }

  // ---- charts ----

  function line(label, values, stroke, sideIndex, options) {
    var series = {label: label, stroke: stroke, width: 1.5, dash: SIDE_DASH[sideIndex % 3],
      values: values, spanGaps: false, points: {show: false}};
    Object.keys(options || {}).forEach(function (k) { series[k] = options[k]; });
    return series;
  }

  function throughputChart(sides, xs) {
    var series = [];
    sides.forEach(function (side, si) {
      opsOf(side.view).forEach(function (op, oi) {
        series.push(line(named(side, op), perSecond(side.view, xs, opValue(op, 'count')),
          PALETTE[oi % PALETTE.length], si));
      });
      series.push(line(named(side, 'ALL'), perSecond(side.view, xs, opValue('ALL', 'count')),
        '#000', si, {width: 2.5}));
    });
    return {x: xs, xLabel: 'second of the window', series: series,
      axes: [{label: 'successful calls/s'}], empty: 'No seconds measured yet.'};
  }

  function latencyChart(sides, xs) {
    var series = [];
    var fields = [['p50', 'p50Millis'], ['p90', 'p90Millis'], ['p99', 'p99Millis'],
      ['p99.9', 'p999Millis'], ['max', 'maxMillis']];
    sides.forEach(function (side, si) {
      fields.forEach(function (f) {
        var values = perSecond(side.view, xs, opValue('ALL', f[1])).map(positive);
        series.push(line(named(side, 'ALL ' + f[0]), values, PERCENTILE_COLORS[f[0]], si,
          {width: f[0] === 'p99' ? 2.2 : 1.5}));
      });
      opsOf(side.view).forEach(function (op, oi) {
        var values = perSecond(side.view, xs, opValue(op, 'p99Millis')).map(positive);
        series.push(line(named(side, op + ' p99'), values, PALETTE[oi % PALETTE.length], si,
          {show: false}));
      });
    });
    return {x: xs, xLabel: 'second of the window', series: series, yLog: true,
      axes: [{label: 'latency (ms)'}], empty: 'No successful calls measured yet.'};
  }

  function errorsChart(sides, xs) {
    var series = [];
    sides.forEach(function (side, si) {
      opsOf(side.view).forEach(function (op, oi) {
        var values = perSecond(side.view, xs, opValue(op, 'errors'));
        if (values.some(function (v) { return v > 0; })) {
          series.push(line(named(side, op), values, PALETTE[oi % PALETTE.length], si));
        }
      });
      series.push(line(named(side, 'ALL'), perSecond(side.view, xs, opValue('ALL', 'errors')),
        '#000', si, {width: 2.5}));
    });
    return {x: xs, xLabel: 'second of the window', series: series,
      axes: [{label: 'failed calls/s'}], empty: 'No seconds measured yet.'};
  }

  function clientsChart(sides, xs) {
    var series = [];
    sides.forEach(function (side, si) {
      series.push(line(named(side, 'clients measuring'), perSecond(side.view, xs, function (s) {
        return s.clients >= 0 ? s.clients : null;
      }), '#9467bd', si, {width: 2, scale: 'clients'}));
      series.push(line(named(side, 'users online'), perSecond(side.view, xs, function (s) {
        return s.usersOnline;
      }), '#1f77b4', si, {width: 2, scale: 'users'}));
    });
    return {x: xs, xLabel: 'second of the window', series: series,
      axes: [{label: 'clients', scale: 'clients'}, {label: 'users online', scale: 'users', side: 1}],
      empty: 'No seconds measured yet.'};
  }

  function engineChart(sides, xs) {
    var series = [];
    sides.forEach(function (side, si) {
      series.push(line(named(side, 'engine GC ms'),
        perSecond(side.view, xs, function (s) { return s.engineGcMillis; }), '#d62728', si,
        {width: 2, scale: 'ms'}));
      series.push(line(named(side, 'client lag p99 ms'),
        perSecond(side.view, xs, function (s) { return s.lagP99Millis; }), '#ff7f0e', si,
        {scale: 'ms'}));
      series.push(line(named(side, 'engine CPU %'),
        perSecond(side.view, xs, function (s) { return s.engineCpuPercent; }), '#2ca02c', si,
        {width: 2, scale: 'pct'}));
    });
    return {x: xs, xLabel: 'second of the window', series: series,
      axes: [{label: 'ms', scale: 'ms'}, {label: 'CPU % (100 = one core)', scale: 'pct', side: 1}],
      empty: 'No engine figures: the engine\'s GC and CPU are sampled by the run coordinator, '
        + 'and this run has none.'};
  }

  /** Returns log10(1/(1-p)) of a percentile p; 99.9 -> 3. */
  function decades(p) { return -Math.log10(1 - p / 100); }
  function percentileLabel(x) {
    var p = 100 * (1 - Math.pow(10, -x));
    return (Math.round(p * 1000) / 1000) + '%';
  }

  function spectrumChart(sides) {
    var percentiles = sides[0].view.percentiles.filter(function (p) { return p < 100; });
    var xs = percentiles.map(decades);
    var series = [];
    sides.forEach(function (side, si) {
      var spectrum = side.view.spectrum;
      var ops = Object.keys(spectrum);
      ops.forEach(function (op, oi) {
        var byP = {};
        side.view.percentiles.forEach(function (p, i) { byP[p] = spectrum[op][i]; });
        var values = percentiles.map(function (p) { return positive(byP[p]); });
        series.push(line(named(side, op), values,
          op === 'ALL' ? '#000' : PALETTE[oi % PALETTE.length], si,
          {width: op === 'ALL' ? 2.5 : 1.4, points: {show: true, size: 4}}));
      });
    });
    return {x: xs, xLabel: 'percentile', xValue: percentileLabel, yLog: true, series: series,
      xSplits: [0, 1, 2, 3, 4], axes: [{label: 'latency (ms)'}],
      empty: 'No successful calls measured yet.'};
  }

  function zipfChart(sides) {
    var last = 0;
    sides.forEach(function (side) {
      side.view.zipf.forEach(function (r) { last = Math.max(last, r.rank); });
    });
    var xs = [];
    for (var rank = 1; rank <= last; rank++) { xs.push(rank); }
    var series = [];
    var colors = ['#1f77b4', '#d62728', '#2ca02c'];
    sides.forEach(function (side, si) {
      var members = xs.map(function () { return null; });
      var expected = xs.map(function () { return null; });
      side.view.zipf.forEach(function (r) {
        members[r.rank - 1] = positive(r.members);
        expected[r.rank - 1] = positive(r.expected);
      });
      var color = colors[si % colors.length];
      series.push(line(named(side, 'members'), members, color, 0,
        {paths: function () { return null; }, points: {show: true, size: 6, fill: color}}));
      series.push(line(named(side, 'configured law'), expected, '#7f7f7f', si, {dash: [6, 4]}));
      var fit = side.view.zipfFit;
      if (fit.exponent !== null) {
        series.push(line(named(side, 'fit s=' + fit.exponent.toFixed(3)), xs.map(function (x) {
          return fit.scale * Math.pow(x, -fit.exponent);
        }), color, si, {width: 2}));
      }
    });
    return {x: xs, xLabel: 'rank', xLog: true, yLog: true, series: series,
      axes: [{label: 'members'}], empty: 'No Zipf check in this run: it runs at the end.'};
  }

  /** Draws spec into the element id, or updates the chart already there; marks the element. */
  function draw(id, spec) {
    var holder = document.getElementById(id);
    var series = spec.series.filter(function (s) { return anyValue(s.values); });
    var chart = charts[id];
    if (!spec.x.length || !series.length) {
      if (chart) { chart.u.destroy(); delete charts[id]; }
      holder.replaceChildren(el('p', spec.empty, 'empty'));
      holder.dataset.rendered = 'empty';
      return;
    }
    var data = [spec.x].concat(series.map(function (s) { return s.values; }));
    var key = series.map(function (s) { return s.label; }).join('\n');
    if (chart && chart.key === key) {
      // Keep a zoomed-in range as it is: only a chart showing all its data follows new data.
      var shown = chart.u.data[0];
      var x = chart.u.scales.x;
      chart.u.setData(data, !(x.min > shown[0] || x.max < shown[shown.length - 1]));
      holder.dataset.points = String(spec.x.length);
      return;
    }
    var hidden = {};
    if (chart) {
      chart.u.series.forEach(function (s) { hidden[s.label] = !s.show; });
      chart.u.destroy();
    }
    holder.replaceChildren();
    var scales = {x: {time: false, distr: spec.xLog ? 3 : 1}};
    // Seconds and ranks are whole: no tick between them.
    var axes = [{label: spec.xLabel, incrs: spec.xSplits || spec.xLog ? undefined : WHOLE_STEPS}];
    if (spec.xSplits) {
      axes[0].splits = function (u, i, min, max) {
        return spec.xSplits.filter(function (v) { return v >= min - 1e-9 && v <= max + 1e-9; });
      };
      axes[0].values = function (u, splits) { return splits.map(spec.xValue); };
    }
    var used = {};
    series.forEach(function (s) { used[s.scale || 'y'] = true; });
    spec.axes.filter(function (a) { return used[a.scale || 'y']; }).forEach(function (a) {
      var scale = a.scale || 'y';
      scales[scale] = {distr: spec.yLog ? 3 : 1};
      axes.push({label: a.label, scale: scale, side: a.side || 3,
        grid: {show: !a.side}, size: 60});
    });
    var uSeries = [{label: spec.xLabel, value: spec.xValue ? function (u, v) {
      return v === null ? '–' : spec.xValue(v);
    } : undefined}];
    series.forEach(function (s) {
      var copy = {};
      Object.keys(s).forEach(function (k) { if (k !== 'values') { copy[k] = s[k]; } });
      copy.scale = s.scale || 'y';
      if (hidden[s.label] !== undefined) { copy.show = !hidden[s.label]; }
      copy.value = function (u, v) { return v === null ? '–' : +v.toPrecision(4) + ''; };
      uSeries.push(copy);
    });
    var opts = {
      width: Math.max(320, holder.clientWidth || 1000), height: CHART_HEIGHT,
      scales: scales, axes: axes, series: uSeries, legend: {live: true},
      hooks: {draw: [function () { holder.dataset.rendered = 'true'; }]}
    };
    charts[id] = {key: key, u: new uPlot(opts, data, holder)};
    holder.dataset.points = String(spec.x.length);
  }

  // ---- text ----

  function statusText(view) {
    var parts = [view.state];
    var now = view.nowEpochMillis;
    if (view.windowStartEpochMillis > 0) {
      var end = view.windowEndEpochMillis > 0 ? view.windowEndEpochMillis : now;
      var elapsed = Math.max(0, Math.min(now, end) - view.windowStartEpochMillis) / 1000;
      parts.push('window from ' + new Date(view.windowStartEpochMillis).toISOString()
        .replace('T', ' ').replace(/\.\d+Z$/, ' UTC'));
      if (view.state === 'finished' || view.state === 'aborted') {
        parts.push(Math.round(elapsed) + ' s measured');
      } else if (view.windowEndEpochMillis > 0) {
        parts.push('elapsed ' + Math.round(elapsed) + ' s, remaining '
          + Math.max(0, Math.round((view.windowEndEpochMillis - now) / 1000)) + ' s');
      }
    }
    var byState = {};
    view.clients.forEach(function (c) { byState[c.state] = (byState[c.state] || 0) + 1; });
    var clients = Object.keys(byState).map(function (s) { return byState[s] + ' ' + s; });
    if (clients.length) { parts.push('clients: ' + clients.join(', ')); }
    return parts.join(' · ');
  }

  function headlineText(view) {
    var all = view.summary.filter(function (r) { return r.op === 'ALL'; })[0];
    if (!all) { return 'No calls measured yet.'; }
    return whole(all.count) + ' calls, ' + whole(all.errors) + ' errors, '
      + num(all.throughputPerSecond, 1) + ' calls/s; p50 ' + num(all.p50Millis, 3) + ' ms, p99 '
      + num(all.p99Millis, 3) + ' ms, p99.9 ' + num(all.p999Millis, 3) + ' ms';
  }

  function summaryTable(side) {
    var header = ['op', 'count', 'errors', 'throughput_per_s', 'mean_ms', 'p50_ms', 'p90_ms',
      'p99_ms', 'p999_ms', 'max_ms'];
    var rows = side.view.summary.map(function (r) {
      return [r.op, String(r.count), String(r.errors), num(r.throughputPerSecond, 3),
        num(r.meanMillis, 3), num(r.p50Millis, 3), num(r.p90Millis, 3), num(r.p99Millis, 3),
        num(r.p999Millis, 3), num(r.maxMillis, 3)];
    });
    var t = table(header, rows, function (c) { return c > 0; },
      side.label ? side.label + ': ' + side.view.runId : null);
    t.classList.add('summary');
    return t;
  }

  function render(data) {
    var sides = sidesOf(data);
    var first = sides[0].view;
    severalSides = sides.length > 1;
    if (sides.length === 1) {
      document.getElementById('title').textContent = 'Run ' + first.runId;
      document.title = 'Run ' + first.runId;
      document.getElementById('status').textContent = statusText(first);
    }
    document.getElementById('headline').textContent = sides.map(function (side) {
      return (side.label ? side.label + ': ' : '') + headlineText(side.view);
    }).join('  |  ');
    fill('notes', [].concat.apply([], sides.map(function (side) {
      return side.view.notes.map(function (n) { return el('li', named(side, n)); });
    })));
    var thresholds = [].concat.apply([], sides.map(function (side) {
      return side.view.thresholds.map(function (t) {
        return [side.label, t.expression, {text: t.state, className: t.state}, t.measured];
      });
    }));
    document.getElementById('thresholds-section').hidden = thresholds.length === 0;
    fill('thresholds', [table(['side', 'threshold', 'state', 'measured'], thresholds,
      function () { return false; })]);
    fill('summary', sides.map(summaryTable));

    var xs = secondsAxis(sides);
    draw('chart-throughput', throughputChart(sides, xs));
    draw('chart-latency', latencyChart(sides, xs));
    draw('chart-errors', errorsChart(sides, xs));
    draw('chart-clients', clientsChart(sides, xs));
    draw('chart-engine', engineChart(sides, xs));
    draw('chart-spectrum', spectrumChart(sides));
    draw('chart-zipf', zipfChart(sides));
    document.getElementById('zipf-fit').textContent = sides.map(function (side) {
      var fit = side.view.zipfFit;
      if (fit.exponent === null) { return ''; }
      var configured = side.view.config['zipf.exponent'];
      return (side.label ? side.label + ': ' : '') + 'fitted s = ' + fit.exponent.toFixed(3)
        + ' over the top ' + fit.points + ' ranks'
        + (configured !== undefined ? ', configured s = ' + configured : '');
    }).filter(Boolean).join('; ');

    fill('clients', sides.map(function (side) {
      return table(['side', 'client', 'host', 'state', 'users', 'first second', 'last second'],
        side.view.clients.map(function (c) {
          return [side.label, String(c.id), c.host, c.state, String(c.users),
            c.firstSecond < 0 ? '–' : String(c.firstSecond),
            c.lastSecond < 0 ? '–' : String(c.lastSecond)];
        }), function (c) { return c === 1 || c >= 4; });
    }));
    fill('errors', sides.map(function (side) {
      if (!side.view.errors.length) { return el('p', named(side, 'no failed calls.')); }
      return table(['side', 'phase', 'op', 'error_type', 'count'], side.view.errors.map(function (e) {
        return [side.label, e.phase, e.op, e.type, String(e.count)];
      }), function (c) { return c === 4; });
    }));
    var keys = {};
    sides.forEach(function (side) { Object.keys(side.view.config).forEach(function (k) { keys[k] = true; }); });
    fill('config', [table(['key'].concat(sides.map(function (s) { return s.label || 'value'; })),
      Object.keys(keys).sort().map(function (k) {
        return [k].concat(sides.map(function (s) {
          var v = s.view.config[k];
          return v === undefined ? '' : v;
        }));
      }), function () { return false; })]);

    updates++;
    document.body.dataset.updates = String(updates);
    document.body.dataset.state = first.state;
    document.body.dataset.seconds = String(first.seconds.length);
    document.body.dataset.checked = 'true';
  }

  // ---- live or embedded ----

  // A live page asks only for the seconds it lacks, and the last few again (a client's push may
  // come late), and for the whole view every FULL_EVERY polls.
  var RESEND_SECONDS = 10;
  var FULL_EVERY = 30;
  var live = {view: null, polls: 0};

  function poll(source) {
    var from = 0;
    var held = live.view ? live.view.seconds : [];
    if (held.length && live.polls % FULL_EVERY !== 0) {
      from = Math.max(0, held[held.length - 1].second - RESEND_SECONDS);
    }
    fetch(source + '?from=' + from, {cache: 'no-store'}).then(function (response) {
      if (!response.ok) { throw new Error(source + ' answered ' + response.status); }
      return response.json();
    }).then(function (view) {
      if (view.secondsFrom > 0) {
        view.seconds = held.filter(function (s) { return s.second < view.secondsFrom; })
          .concat(view.seconds);
      }
      live.view = view;
      live.polls++;
      render(view);
      if (view.state !== 'finished' && view.state !== 'aborted') {
        setTimeout(function () { poll(source); }, 1000);
      }
    }).catch(function (e) {
      document.getElementById('status').textContent = 'live view lost: ' + e.message
        + '; retrying every 5 s';
      setTimeout(function () { poll(source); }, 5000);
    });
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) {
      var holder = document.getElementById(id);
      charts[id].u.setSize({width: Math.max(320, holder.clientWidth), height: CHART_HEIGHT});
    });
  });

  var source = document.body.dataset.source;
  if (source) {
    poll(source);
  } else {
    render(JSON.parse(document.getElementById('run-data').textContent));
  }
})();
