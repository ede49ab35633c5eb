// The article page: hovering or clicking a marked passage shows the fields of its claims.
// Claim data comes from a JSON data block (never executed); everything is set as text.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("claims-data").textContent);
  var panel = document.getElementById("claim-detail");
  function fmtCounts(counts) {
    if (!counts) { return ""; }
    return Object.keys(counts).map(function (k) {
      var c = counts[k];
      var hi = c.high == null ? "+" : (c.high !== c.low ? "–" + c.high : "");
      return k + " " + c.low + hi;
    }).join(", ");
  }
  function row(dl, name, value) {
    if (value == null || value === "" || (Array.isArray(value) && !value.length)) { return; }
    var dt = document.createElement("dt");
    dt.textContent = name;
    var dd = document.createElement("dd");
    dd.textContent = value;
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  function show(indices) {
    panel.textContent = "";
    document.querySelectorAll("tr.claim-row.active").forEach(function (r) { r.classList.remove("active"); });
    indices.forEach(function (i) {
      var c = data[i];
      if (!c) { return; }
      var dl = document.createElement("dl");
      dl.className = "claim-fields";
      row(dl, "kind", c.kind + (c.subtype ? " / " + c.subtype : ""));
      var s = c.source || {};
      row(dl, "source", (s.name || "the outlet itself") + " (" + s.kind + (s.via && s.via.length ? ", via " + s.via.join(", ") : "") + ")");
      row(dl, "certainty", c.certainty);
      row(dl, "actors", c.actors.map(function (a) { return a.name + " (" + a.role + ")"; }).join(", "));
      row(dl, "place", c.location);
      row(dl, "time", c.time ? (c.time.start || "") + (c.time.end && c.time.end !== c.time.start ? " – " + c.time.end : "") + " (" + c.time.precision + ")" : "");
      row(dl, "counts", fmtCounts(c.counts));
      row(dl, "cue", c.cue);
      if (c.headline) { row(dl, "in", "headline"); }
      panel.appendChild(dl);
      var tr = document.getElementById("claim-" + c.id);
      if (tr) { tr.classList.add("active"); }
    });
    panel.hidden = false;
  }
  document.querySelectorAll("mark.claim").forEach(function (m) {
    var indices = m.getAttribute("data-claims").split(" ").map(Number);
    m.addEventListener("mouseenter", function () { show(indices); });
    m.addEventListener("focus", function () { show(indices); });
    m.addEventListener("click", function () {
      document.querySelectorAll("mark.claim.active").forEach(function (x) { x.classList.remove("active"); });
      m.classList.add("active");
      show(indices);
    });
  });
  var hash = window.location.hash.replace(/^#claim-/, "");
  if (hash) {
    data.forEach(function (c, i) {
      if (c.id === hash) {
        var mark = document.querySelector('mark.claim[data-claims~="' + i + '"]');
        if (mark) { mark.classList.add("active"); mark.scrollIntoView({ block: "center" }); }
        show([i]);
      }
    });
  }
})();
