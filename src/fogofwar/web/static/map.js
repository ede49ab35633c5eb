// The map + timeline page: loads events from /api/events (following `next` links), draws them
// on an offline basemap (Natural Earth countries, vendored) or an operator-set tile server,
// coloured by kind and sized by reconciled deaths; filters re-query the API. No inline script.
(function () {
  "use strict";
  var COLOURS = {
    attack: "#d62728", armed_clash: "#9467bd", casualties: "#111111", airstrike: "#ff7f0e",
    shelling: "#e377c2", drone_strike: "#8c564b", missile_strike: "#bcbd22", arrest: "#1f77b4",
    protest: "#17becf", explosion: "#ff9896", territorial_change: "#2ca02c", other: "#7f7f7f"
  };
  function colour(kind) {
    if (COLOURS[kind]) { return COLOURS[kind]; }
    var h = 0;
    for (var i = 0; i < kind.length; i++) { h = (h * 31 + kind.charCodeAt(i)) % 360; }
    return "hsl(" + h + ",60%,45%)";
  }
  function radius(e) {
    var k = e.killed_best != null ? e.killed_best : (e.killed_low || 0);
    return 5 + Math.min(25, Math.sqrt(k) * 3);
  }
  var el = document.getElementById("map");
  var map = L.map(el, { worldCopyJump: true, preferCanvas: false }).setView([49, 32], 4);
  var tiles = el.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: "tiles: operator-configured server" }).addTo(map);
  } else {
    fetch(el.getAttribute("data-basemap")).then(function (r) { return r.json(); }).then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f3f1ea", fillOpacity: 1 },
        interactive: false
      }).addTo(map).bringToBack();
      map.attributionControl.addAttribution("Natural Earth (public domain)");
    });
  }
  var layer = L.layerGroup().addTo(map);
  var form = document.getElementById("filters");
  var count = document.getElementById("count");
  var timeline = document.getElementById("timeline");
  var histogram = document.getElementById("histogram");

  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (cls) { node.className = cls; }
    return node;
  }
  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (v) { params.append(k, v); } });
    params.set("limit", "1000");
    return "/api/events?" + params.toString();
  }
  function load(url, acc, done) {
    fetch(url).then(function (r) { return r.json(); }).then(function (body) {
      if (body.error) { count.textContent = body.error.message; return; }
      acc = acc.concat(body.events);
      if (body.next && acc.length < 5000) { load(body.next, acc, done); } else { done(acc); }
    });
  }
  function legend(events) {
    var box = document.getElementById("legend");
    box.textContent = "";
    var seen = {};
    events.forEach(function (e) { seen[e.kind] = true; });
    Object.keys(seen).sort().forEach(function (k) {
      var item = document.createElement("span");
      var dot = document.createElement("i");
      dot.style.background = colour(k);
      item.appendChild(dot);
      item.appendChild(document.createTextNode(k));
      box.appendChild(item);
    });
  }
  function draw(events) {
    layer.clearLayers();
    timeline.textContent = "";
    histogram.textContent = "";
    var placed = 0, bounds = [], days = {};
    events.forEach(function (e) {
      var href = "/events/" + encodeURIComponent(e.event_id);
      var label = e.kind + " · " + (e.location || e.country || "place unknown") + " · " + (e.date_start || "undated");
      if (e.latitude != null && e.longitude != null) {
        var m = L.circleMarker([e.latitude, e.longitude], {
          radius: radius(e), color: "#222", weight: 1, fillColor: colour(e.kind), fillOpacity: 0.75,
          className: "event-marker"
        });
        m.bindTooltip(label + (e.killed_best != null ? " · killed " + e.killed_best : ""));
        m.addTo(layer);
        // A native listener on the drawn path: Leaflet's own click handling drops a click it
        // takes for the end of a map drag, and a marker must always open its event.
        m.getElement().addEventListener("click", function () { window.location.href = href; });
        bounds.push([e.latitude, e.longitude]);
        placed++;
      }
      var li = document.createElement("li");
      li.className = "event-item";
      var a = document.createElement("a");
      a.href = href;
      a.appendChild(text("time", (e.date_start || "undated") + " "));
      var kind = text("span", e.kind, "kind");
      kind.style.borderLeftColor = colour(e.kind);
      a.appendChild(kind);
      a.appendChild(document.createTextNode(" " + (e.location || e.country || "place unknown")));
      if (e.killed_best != null) { a.appendChild(text("span", "killed " + e.killed_best, "count")); }
      (e.flags || []).forEach(function (f) { a.appendChild(text("span", f, "badge warn")); });
      li.appendChild(a);
      timeline.appendChild(li);
      if (e.date_start) { days[e.date_start] = (days[e.date_start] || 0) + 1; }
    });
    var keys = Object.keys(days).sort();
    var max = Math.max.apply(null, keys.map(function (k) { return days[k]; }).concat([1]));
    keys.forEach(function (k) {
      var bar = document.createElement("span");
      bar.style.height = Math.max(4, 60 * days[k] / max) + "px";
      bar.title = k + ": " + days[k];
      histogram.appendChild(bar);
    });
    count.textContent = events.length + " events, " + placed + " on the map";
    legend(events);
    // No zoom animation: markers are where they are drawn once `data-loaded` is set.
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7, animate: false }); }
    document.body.setAttribute("data-loaded", "true");
  }
  function refresh() {
    document.body.removeAttribute("data-loaded");
    load(query(), [], draw);
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); refresh(); });
  refresh();
})();
