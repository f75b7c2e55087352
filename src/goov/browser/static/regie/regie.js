/* Regie workbench: select signals in the list or on the map, then create a
 * dossier from them, add them to a dossier, or triage, close or reject them.
 * Everything goes through the REST API, so need to know and validation apply. */
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("regie-config").textContent);
  const selected = new Set();
  const markers = new Map();
  const $ = (s) => document.querySelector(s);
  const message = (text) => { $("#regie-message").textContent = text; };

  async function api(url, method, body) {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const err = data.error || data;
      const detail = (err.errors || []).map((e) => `${e.field}: ${e.message}`).join("; ");
      throw new Error([err.message || response.statusText, detail].filter(Boolean).join(" — "));
    }
    return data;
  }

  function refresh() {
    $("#regie-selected").textContent = String(selected.size);
    document.querySelectorAll(".regie-actions button").forEach((b) => { b.disabled = selected.size === 0; });
    document.querySelectorAll("tr[data-uid]").forEach((row) => {
      const on = selected.has(row.dataset.uid);
      row.classList.toggle("selected", on);
      row.querySelector(".regie-select").checked = on;
    });
    markers.forEach((marker, uid) => {
      marker.setStyle({ color: selected.has(uid) ? "#b00020" : "#1d4f91", weight: selected.has(uid) ? 4 : 2 });
    });
  }
  function toggle(uid, on) {
    if (on === undefined ? !selected.has(uid) : on) selected.add(uid); else selected.delete(uid);
    refresh();
  }

  function initMap() {
    if (typeof L === "undefined") return;
    const map = L.map("regie-map", { preferCanvas: false });
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.attribution }).addTo(map);
    }
    fetch(`${config.portal}/@@goov-wijken.geojson`, { credentials: "same-origin" })
      .then((r) => r.json())
      .then((data) => {
        const layer = L.geoJSON(data, {
          style: { color: "#5f6368", weight: 1, fillOpacity: 0.04 },
          onEachFeature: (f, l) => l.bindTooltip(f.properties.name),
        }).addTo(map);
        if (!markers.size) map.fitBounds(layer.getBounds());
      })
      .catch(() => {});
    const points = config.signals.filter((s) => s.lat !== null && s.lon !== null);
    points.forEach((s) => {
      const marker = L.circleMarker([s.lat, s.lon], { radius: s.urgent ? 9 : 7, color: "#1d4f91", fillOpacity: 0.6 })
        .addTo(map)
        .bindTooltip(s.title);
      marker.on("click", () => toggle(s.uid));
      marker.getElement && marker.on("add", () => marker.getElement().setAttribute("data-uid", s.uid));
      markers.set(s.uid, marker);
    });
    if (points.length) {
      map.fitBounds(L.latLngBounds(points.map((s) => [s.lat, s.lon])).pad(0.3));
    } else {
      map.setView([52.38, 4.64], 13);
    }
    markers.forEach((marker, uid) => { const el = marker.getElement(); if (el) el.setAttribute("data-uid", uid); });
  }

  async function newDossier() {
    const query = Array.from(selected).map((u) => `uid=${encodeURIComponent(u)}`).join("&");
    const proposal = await (await fetch(`${config.portal}/@@regie-proposal?${query}`, { credentials: "same-origin" })).json();
    const form = $("#regie-dossier-form");
    form.title.value = proposal.title;
    form.kind.value = proposal.kind;
    form.wijk.value = proposal.wijk || "";
    $("#regie-dossier-error").textContent = "";
    $("#regie-dossier-dialog").showModal();
  }

  async function createDossier(event) {
    event.preventDefault();
    const form = event.target;
    const body = {
      "@type": "Dossier",
      title: form.title.value,
      kind: form.kind.value,
      legal_basis: form.legal_basis.value,
      purpose: form.purpose.value,
    };
    if (form.wijk.value) body.wijk = form.wijk.value;
    try {
      const dossier = await api(`${config.portal}/dossiers`, "POST", body);
      await api(`${dossier["@id"]}/@link-signals`, "POST", { signals: Array.from(selected) });
      window.location.href = dossier["@id"];
    } catch (err) {
      $("#regie-dossier-error").textContent = err.message;
    }
  }

  async function addToDossier() {
    const url = $("#regie-dossier-choice").value;
    if (!url) return;
    try {
      await api(`${url}/@link-signals`, "POST", { signals: Array.from(selected) });
      window.location.href = url;
    } catch (err) { message(err.message); }
  }

  async function transition(event) {
    const button = event.currentTarget;
    let comment = "";
    if (button.dataset.reason) {
      comment = window.prompt(button.textContent + ": reden / reason") || "";
      if (!comment.trim()) return;
    }
    const errors = [];
    for (const uid of selected) {
      const row = document.querySelector(`tr[data-uid="${uid}"]`);
      try {
        await api(`${row.dataset.url}/@workflow/${button.dataset.transition}`, "POST", { comment });
      } catch (err) { errors.push(`${row.querySelector("a").textContent}: ${err.message}`); }
    }
    if (errors.length) message(errors.join(" | ")); else window.location.reload();
  }

  document.querySelectorAll(".regie-select").forEach((box) =>
    box.addEventListener("change", () => toggle(box.value, box.checked)));
  $("#regie-new-dossier").addEventListener("click", newDossier);
  $("#regie-add-to-dossier").addEventListener("click", addToDossier);
  $("#regie-dossier-form").addEventListener("submit", createDossier);
  $("#regie-dossier-cancel").addEventListener("click", () => $("#regie-dossier-dialog").close());
  document.querySelectorAll(".regie-transition").forEach((b) => b.addEventListener("click", transition));
  initMap();
  refresh();
})();
