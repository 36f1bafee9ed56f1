/* The live pages of a carbon-trading session: the participant's floor and the instructor's
   console. The page comes with its state (json_script #carbon-state); a WebSocket to
   ws/carbon/<pk>/ sends the state again whenever the session changes (when the socket cannot
   stay open, the page asks state/ every two seconds instead). Between pushes the simulated
   clock keeps ticking here from the running time it was sent. The participant's forms are
   sent with fetch (Accept: JSON) and their answer shown at the top; without script they post
   and come back with the same message. No inline script or handler (Content-Security-Policy). */
(function () {
  "use strict";
  var root = document.getElementById("carbon-live");
  if (!root) { return; }
  var state = JSON.parse(document.getElementById("carbon-state").textContent);
  var role = root.dataset.role;
  var initialState = state && state.clock ? state.clock.state : null;
  var receivedAt = Date.now();
  var texts = {};
  var template = document.getElementById("carbon-texts");
  if (template) {
    template.content.querySelectorAll("[data-key]").forEach(function (el) {
      texts[el.dataset.key] = el.textContent.trim();
    });
  }
  function t(key, values) {
    var text = texts[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("%(" + name + ")s").join(values[name]);
    });
    return text;
  }
  function live(name) { return root.querySelector('[data-live="' + name + '"]'); }
  function setText(name, value) { var el = live(name); if (el) { el.textContent = value; } }
  function grouped(value) {
    var number = Number(value);
    return isNaN(number) ? String(value) : number.toLocaleString("zh-CN");
  }
  function yuan(value) {
    var number = Number(value);
    return isNaN(number) ? String(value) : number.toLocaleString("zh-CN", {
      minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function cell(row, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }
  function csrf() {
    var input = root.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* --- the clock, ticking between pushes ------------------------------------------------ */
  function showClock() {
    var clock = state.clock;
    if (!clock) { return; }
    var elapsed = clock.elapsed;
    if (clock.running) { elapsed += (Date.now() - receivedAt) / 1000; }
    elapsed = Math.min(elapsed, clock.total_seconds);
    var day = Math.min(Math.floor(elapsed / clock.seconds_per_day), clock.total_days - 1);
    var minutes = Math.min(240, Math.floor((elapsed - day * clock.seconds_per_day) * 240 / clock.seconds_per_day));
    var ofDay = minutes < 120 ? 570 + minutes : 780 + minutes - 120;
    var hh = String(Math.floor(ofDay / 60)).padStart(2, "0");
    var mm = String(ofDay % 60).padStart(2, "0");
    var finished = elapsed >= clock.total_seconds;
    var year = Math.floor(day / clock.days_per_year) + 1;
    var inYear = day % clock.days_per_year + 1;
    setText("clock-time", finished ? t("closed") : hh + ":" + mm);
    var label = year > clock.years ? t("compliance") : t("year") + " " + year;
    setText("clock-day", label + " · " + t("day") + " " + inYear + " · " +
      (finished ? t("closed") : (minutes < 120 ? t("morning") : t("afternoon"))));
    var bar = live("progress");
    if (bar) { bar.style.width = (100 * elapsed / clock.total_seconds).toFixed(1) + "%"; }
  }
  setInterval(showClock, 500);

  /* --- the market ------------------------------------------------------------------------ */
  var chart = null;
  function drawChart() {
    var el = document.getElementById("carbon-candles");
    if (!el || !window.echarts) { return; }
    if (!chart) { chart = echarts.init(el); window.addEventListener("resize", function () { chart.resize(); }); }
    var days = state.candles.map(function (c) { return t("day") + " " + c[0]; });
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis", renderMode: "richText" },
      grid: [{ left: 8, right: 8, top: 10, height: "58%", containLabel: true },
             { left: 8, right: 8, top: "76%", height: "16%", containLabel: true }],
      xAxis: [{ type: "category", data: days, gridIndex: 0 },
              { type: "category", data: days, gridIndex: 1, axisLabel: { show: false } }],
      yAxis: [{ scale: true, gridIndex: 0 }, { gridIndex: 1, axisLabel: { show: false } }],
      series: [
        { name: t("candles"), type: "candlestick", xAxisIndex: 0, yAxisIndex: 0,
          data: state.candles.map(function (c) { return [c[1], c[2], c[3], c[4]]; }) },
        { name: t("volume"), type: "bar", xAxisIndex: 1, yAxisIndex: 1,
          data: state.candles.map(function (c) { return c[5]; }) }
      ]
    }, true);
  }

  function showMarket() {
    setText("last", state.last || "—");
    setText("change", state.change || "");
    setText("reference", state.reference);
    setText("band", state.band[0] + "–" + state.band[1]);
    setText("volume", grouped(state.today.volume));
    setText("trades", state.today.trades);
    setText("state", state.clock.state_label);
    var book = live("book");
    if (book) {
      book.innerHTML = "";
      var asks = state.book.sell.slice().reverse();
      asks.forEach(function (level) {
        var row = document.createElement("tr"); row.className = "ask";
        cell(row, t("sell")); cell(row, level.price, "text-end");
        cell(row, grouped(level.quantity), "text-end"); cell(row, level.orders, "text-end");
        book.appendChild(row);
      });
      state.book.buy.forEach(function (level, index) {
        var row = document.createElement("tr"); row.className = "bid" + (index === 0 ? " spread" : "");
        cell(row, t("buy")); cell(row, level.price, "text-end");
        cell(row, grouped(level.quantity), "text-end"); cell(row, level.orders, "text-end");
        book.appendChild(row);
      });
    }
    var tape = live("tape");
    if (tape) {
      tape.innerHTML = "";
      state.tape.forEach(function (trade) {
        var row = document.createElement("tr");
        cell(row, trade.day); cell(row, trade.time); cell(row, trade.price, "text-end");
        cell(row, grouped(trade.quantity), "text-end");
        row.title = trade.mode_label;
        tape.appendChild(row);
      });
    }
    var events = live("events");
    if (events) {
      events.innerHTML = "";
      state.events.forEach(function (event) {
        var row = document.createElement("tr");
        cell(row, t("day") + " " + event.day, "text-secondary"); cell(row, event.label);
        events.appendChild(row);
      });
    }
    drawChart();
  }

  /* --- the participant's company ---------------------------------------------------------- */
  function showCompany() {
    var company = state.company;
    if (!company) { return; }
    setText("company-name", company.name);
    setText("company-unit", company.category + " · " + company.capacity_mw + " MW · " +
      company.intensity + " tCO₂/MWh" + (company.team.length > 1 ? " · " + company.team.join("、") : ""));
    var b = company.balances;
    setText("cea", grouped(b.cea)); setText("cea-frozen", grouped(b.cea_frozen));
    setText("ccer", grouped(b.ccer)); setText("cash", yuan(b.cash));
    setText("cash-frozen", yuan(b.cash_frozen));
    var p = company.position;
    var gap = live("gap");
    if (gap) {
      gap.textContent = (p.gap < 0 ? t("short") + " " : t("surplus") + " ") + grouped(Math.abs(p.gap)) + " t";
      gap.className = "h3 mb-1 " + (p.gap < 0 ? "carbon-short" : "carbon-long");
    }
    var parts = [t("holdings") + " " + grouped(p.holdings)];
    if (p.projected !== undefined) {
      parts.push(t("projected") + " " + grouped(p.projected));
      parts.push(t("expected") + " " + grouped(p.expected));
    }
    if (p.owed !== undefined) { parts.push(t("owed") + " " + grouped(p.owed)); }
    setText("position", parts.join(" · "));
    var load = live("load");
    if (load && document.activeElement !== load) { load.value = Math.round(Number(company.load) * 100); }
    setText("ccer-price", state.session.ccer_price);
    setText("ccer-left", grouped(state.session.ccer_left));

    var w = company.window;
    var windowEl = live("window");
    var reportForm = live("report-form");
    var surrenderForm = live("surrender-form");
    if (windowEl) {
      if (!w) { windowEl.textContent = t("no_window"); }
      else if (!w.reported) { windowEl.textContent = t("report_due", { year: w.year, day: w.report_due_day }); }
      else if (w.owed > 0) {
        windowEl.textContent = t("surrender_due", { year: w.year, owed: grouped(w.owed), day: w.surrender_due_day,
          limit: grouped(w.offset_limit - w.surrendered_ccer) });
      } else { windowEl.textContent = t("surrendered_all", { year: w.year }); }
    }
    if (reportForm) { reportForm.classList.toggle("d-none", !(w && w.report_open)); }
    if (surrenderForm) { surrenderForm.classList.toggle("d-none", !(w && w.reported && w.owed > 0)); }

    var select = live("listings");
    if (select) {
      var chosen = select.value;
      select.innerHTML = "";
      var first = document.createElement("option"); first.value = ""; first.textContent = t("pick");
      select.appendChild(first);
      ["sell", "buy"].forEach(function (side) {
        (state.listings[side] || []).forEach(function (listing) {
          if (listing.mine) { return; }
          var option = document.createElement("option");
          option.value = listing.id;
          option.textContent = (side === "sell" ? t("buy") : t("sell")) + " @ " + listing.price + " · " + grouped(listing.remaining) + " t";
          select.appendChild(option);
        });
      });
      select.value = chosen;
    }

    var orders = live("orders");
    if (orders) {
      orders.innerHTML = "";
      company.orders.forEach(function (order) {
        var row = document.createElement("tr");
        cell(row, order.side_label); cell(row, order.mode_label + (order.counterparty ? " → " + order.counterparty : ""));
        cell(row, order.price, "text-end"); cell(row, grouped(order.remaining) + " / " + grouped(order.quantity), "text-end");
        var td = cell(row, "", "text-end");
        td.appendChild(actionButton(orders.dataset.cancel.replace("/0/", "/" + order.id + "/"), t("cancel"), {}));
        orders.appendChild(row);
      });
      if (!company.orders.length) { emptyRow(orders, t("no_orders")); }
    }
    var proposals = live("proposals");
    if (proposals) {
      proposals.innerHTML = "";
      company.proposals.forEach(function (order) {
        var row = document.createElement("tr");
        cell(row, order.proposer); cell(row, order.side === "sell" ? t("buy") : t("sell"));
        cell(row, order.price, "text-end"); cell(row, grouped(order.remaining), "text-end");
        var td = cell(row, "", "text-end");
        var url = proposals.dataset.answer.replace("/0/", "/" + order.id + "/");
        td.appendChild(actionButton(url, t("accept"), { accept: "yes" }));
        td.appendChild(actionButton(url, t("decline"), { accept: "no" }));
        proposals.appendChild(row);
      });
      if (!company.proposals.length) { emptyRow(proposals, t("no_proposals")); }
    }
    var abatements = live("abatements");
    if (abatements) {
      abatements.innerHTML = "";
      company.abatements.forEach(function (option) {
        var line = document.createElement("div");
        line.className = "d-flex justify-content-between align-items-center mb-1 small";
        var label = document.createElement("span");
        label.textContent = option.name + " · ¥" + grouped(option.cost) + " · −" + option.reduction + " · " + t("lead", { days: option.lead_days });
        line.appendChild(label);
        if (option.invested) {
          var done = document.createElement("span"); done.className = "badge bg-green-lt"; done.textContent = t("invested");
          line.appendChild(done);
        } else {
          line.appendChild(actionButton(abatements.dataset.action, t("invest"), { option: option.id }));
        }
        abatements.appendChild(line);
      });
    }
    var years = live("years");
    if (years) {
      years.innerHTML = "";
      company.years.forEach(function (y) {
        var row = document.createElement("tr");
        cell(row, y.year); cell(row, grouped(y.emissions), "text-end");
        cell(row, y.verified === null ? "—" : grouped(y.verified) + (y.late ? " (" + t("late") + ")" : ""), "text-end");
        cell(row, grouped(y.allocated), "text-end");
        cell(row, y.obligation === null ? "—" : grouped(y.obligation), "text-end");
        cell(row, grouped(y.surrendered), "text-end");
        cell(row, y.shortfall === null ? "—" : grouped(y.shortfall), "text-end" + (y.shortfall ? " carbon-short" : ""));
        cell(row, yuan(y.penalty), "text-end");
        years.appendChild(row);
      });
    }
  }
  function emptyRow(body, text) {
    var row = document.createElement("tr");
    cell(row, text, "text-secondary");
    body.appendChild(row);
  }
  function actionButton(url, label, fields) {
    var form = document.createElement("form");
    form.method = "post"; form.action = url; form.className = "carbon-action d-inline ms-1";
    var token = document.createElement("input");
    token.type = "hidden"; token.name = "csrfmiddlewaretoken"; token.value = csrf();
    form.appendChild(token);
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = name; input.value = fields[name];
      form.appendChild(input);
    });
    var button = document.createElement("button");
    button.type = "submit"; button.className = "btn btn-sm"; button.textContent = label;
    form.appendChild(button);
    return form;
  }

  /* --- the instructor's companies -------------------------------------------------------- */
  function showCompanies() {
    var body = live("companies");
    if (!body || !state.companies) { return; }
    body.innerHTML = "";
    state.companies.forEach(function (c) {
      var row = document.createElement("tr");
      cell(row, c.number); cell(row, c.name + " · " + c.category);
      cell(row, c.bot ? t("bot") + " · " + c.bot : c.team.join("、"));
      cell(row, grouped(c.cea), "text-end"); cell(row, grouped(c.ccer), "text-end");
      cell(row, c.cash, "text-end"); cell(row, grouped(c.emissions), "text-end");
      cell(row, c.reported.join(", "));
      cell(row, c.status, c.short ? "carbon-short" : "");
      body.appendChild(row);
    });
  }

  function render() {
    showClock(); showMarket(); showCompany(); showCompanies();
    if (role === "instructor" && initialState && state.clock.state !== initialState) {
      window.location.reload();  // the console's buttons follow the session's state
    }
  }

  /* --- actions ------------------------------------------------------------------------------ */
  function notice(ok, message) {
    var el = live("notice");
    if (!el) { return; }
    el.textContent = message;
    el.className = "alert " + (ok ? "alert-success" : "alert-danger");
  }
  root.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("carbon-action")) { return; }
    event.preventDefault();
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin",
                         headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        notice(answer.ok, answer.message);
        if (answer.ok && form.querySelector("input[name=quantity]") && !form.querySelector("input[type=hidden][name=accept]")) {
          form.reset();
        }
        refresh();
      })
      .catch(function () { notice(false, t("failed")); });
  });

  /* --- the socket, or polling when it cannot stay open ------------------------------------ */
  var socket = null;
  var polling = null;
  function accept(next) {
    state = next; receivedAt = Date.now(); render();
  }
  function refresh() {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "refresh" }));
    } else {
      fetch(root.dataset.stateUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); }).then(accept).catch(function () {});
    }
  }
  function connected(isLive) {
    var el = live("connection");
    if (el) { el.textContent = isLive ? t("live") : t("offline"); el.classList.toggle("is-live", isLive); }
    if (isLive && polling) { clearInterval(polling); polling = null; }
    if (!isLive && !polling) { polling = setInterval(refresh, 2000); }
  }
  function connect() {
    if (!window.WebSocket) { connected(false); return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.dataset.socket);
    socket.addEventListener("open", function () { connected(true); });
    socket.addEventListener("message", function (message) { accept(JSON.parse(message.data)); });
    socket.addEventListener("close", function () { connected(false); setTimeout(connect, 3000); });
  }
  render();
  connect();
})();
