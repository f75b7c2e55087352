/* Straatsignaal: report street signals to GOOV, also without a connection.
 *
 * Every signal gets a client_id (idempotency key) when it is made and waits in an
 * IndexedDB queue until POST @signals answers 200/201. A retry after a lost answer
 * returns the same signal, so nothing is stored twice. No build step. */
(function () {
  "use strict";

  const CONFIG = JSON.parse(document.getElementById("goov-config").textContent);
  const T = CONFIG.strings;
  const API = CONFIG.portal;
  const TOKEN_KEY = "goov.straatsignaal.token";
  const USER_KEY = "goov.straatsignaal.user";
  const $ = (sel) => document.querySelector(sel);
  let position = null;
  let flushing = false;

  // ---- IndexedDB queue ---------------------------------------------------
  function openDb() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open("goov-straatsignaal", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("queue", { keyPath: "client_id" });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  async function store(mode, fn) {
    const db = await openDb();
    return new Promise((resolve, reject) => {
      const tx = db.transaction("queue", mode);
      const result = fn(tx.objectStore("queue"));
      tx.oncomplete = () => resolve(result && result.result !== undefined ? result.result : result);
      tx.onerror = () => reject(tx.error);
    });
  }
  const putItem = (item) => store("readwrite", (s) => s.put(item));
  const allItems = () => store("readonly", (s) => s.getAll());

  // ---- helpers -------------------------------------------------------------
  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function readAsBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",", 2)[1]);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }
  function token() { return localStorage.getItem(TOKEN_KEY); }
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function describeErrors(body) {
    const errors = (body && body.errors) || [];
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    return [body && body.message, detail].filter(Boolean).join(" — ");
  }

  // ---- screens -------------------------------------------------------------
  function translateStatic() {
    document.querySelectorAll("[data-t]").forEach((node) => {
      if (T[node.dataset.t]) node.textContent = T[node.dataset.t];
    });
    $("#logout").textContent = T.logout;
  }
  function show() {
    const loggedIn = Boolean(token());
    $("#login").hidden = loggedIn;
    $("#report").hidden = !loggedIn;
    $("#queue-section").hidden = !loggedIn;
    $("#mine-section").hidden = !loggedIn;
    $("#logout").hidden = !loggedIn;
    $("#who").textContent = loggedIn ? localStorage.getItem(USER_KEY) || "" : "";
    $("#offline").hidden = navigator.onLine;
    $("#offline").textContent = T.offline;
    if (loggedIn) { renderQueue(); loadMine(); locate(); }
  }

  async function login(event) {
    event.preventDefault();
    const form = event.target;
    $("#login-error").textContent = "";
    try {
      const response = await fetch(`${API}/@login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ login: form.login.value, password: form.password.value }),
      });
      const body = await response.json();
      if (!response.ok || !body.token) throw new Error(T.login_failed);
      localStorage.setItem(TOKEN_KEY, body.token);
      localStorage.setItem(USER_KEY, form.login.value);
      form.reset();
      show();
      flush();
    } catch (err) {
      $("#login-error").textContent = T.login_failed;
    }
  }
  function logout() {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
    show();
  }

  function locate() {
    if (!navigator.geolocation) { $("#position").textContent = T.no_location; return; }
    $("#position").textContent = T.locating;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        position = { lat: pos.coords.latitude, lon: pos.coords.longitude };
        $("#position").textContent = `${position.lat.toFixed(5)}, ${position.lon.toFixed(5)}`;
      },
      () => { position = null; $("#position").textContent = T.no_location; },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  }

  async function report(event) {
    event.preventDefault();
    const form = event.target;
    $("#report-error").textContent = "";
    if (!form.category.value || !form.description.value.trim()) {
      $("#report-error").textContent = `${T.category}, ${T.description}`;
      return;
    }
    if (!position && !form.address.value.trim()) {
      $("#report-error").textContent = T.no_location;
      return;
    }
    const files = Array.from(form.photos.files || []).slice(0, 5);
    const photos = [];
    for (const file of files) {
      photos.push({ filename: file.name, "content-type": file.type, data: await readAsBase64(file) });
    }
    const payload = {
      client_id: newClientId(),
      category: form.category.value,
      description: form.description.value.trim(),
      observed_at: new Date().toISOString(),
      urgent: form.urgent.checked,
      photos,
    };
    if (position) payload.location = position;
    if (form.address.value.trim()) payload.address = form.address.value.trim();
    await putItem({
      client_id: payload.client_id,
      payload,
      state: "queued",
      title: form.category.selectedOptions[0].textContent,
      created: Date.now(),
      message: "",
    });
    form.reset();
    await renderQueue();
    flush();
  }

  async function flush() {
    if (flushing || !token() || !navigator.onLine) return;
    flushing = true;
    try {
      const items = (await allItems()).filter((i) => i.state === "queued");
      for (const item of items) {
        let response;
        try {
          response = await fetch(`${API}/@signals`, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              Accept: "application/json",
              "Accept-Language": document.documentElement.lang || "nl",
              Authorization: `Bearer ${token()}`,
            },
            body: JSON.stringify(item.payload),
          });
        } catch (networkError) {
          break; // still offline: keep the queue, try again later
        }
        if (response.status === 401) { logout(); break; }
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          item.state = "sent";
          item.url = body["@id"];
          item.payload = { client_id: item.client_id }; // photos no longer needed
        } else if (response.status >= 500) {
          break; // server trouble: retry later with the same client_id
        } else {
          item.state = "error";
          item.message = describeErrors(body);
        }
        await putItem(item);
        await renderQueue();
      }
    } finally {
      flushing = false;
      loadMine();
    }
  }

  async function renderQueue() {
    const list = $("#queue");
    const items = (await allItems()).sort((a, b) => b.created - a.created).slice(0, 30);
    list.replaceChildren(
      ...items.map((item) => {
        const li = el("li", { class: `item ${item.state}`, "data-client-id": item.client_id });
        li.append(el("strong", {}, item.title || ""));
        const label = item.state === "error" ? `${T.error}: ${item.message}` : T[item.state] || item.state;
        li.append(el("span", { class: "state" }, label));
        return li;
      })
    );
  }

  async function loadMine() {
    if (!token() || !navigator.onLine) return;
    try {
      const response = await fetch(`${API}/@signals?mine=1&b_size=20`, {
        headers: { Accept: "application/json", Authorization: `Bearer ${token()}` },
      });
      if (!response.ok) return;
      const body = await response.json();
      const titles = Object.fromEntries(CONFIG.categories.map((c) => [c.token, c.title]));
      $("#mine").replaceChildren(
        ...body.items.map((item) => {
          const li = el("li", { class: "item", "data-uid": item.UID });
          li.append(el("strong", {}, titles[item.category] || item.title));
          li.append(el("span", { class: "state" }, T[`state_${item.review_state}`] || item.review_state));
          li.append(el("time", {}, new Date(item.observed_at).toLocaleString("nl-NL")));
          return li;
        })
      );
    } catch (err) { /* offline: keep the last list */ }
  }

  // ---- start ----------------------------------------------------------------
  function init() {
    translateStatic();
    const select = $("#report").category;
    select.append(el("option", { value: "" }, T.choose));
    CONFIG.categories.forEach((c) => select.append(el("option", { value: c.token }, c.title)));
    $("#login").addEventListener("submit", login);
    $("#report").addEventListener("submit", report);
    $("#logout").addEventListener("click", logout);
    $("#locate").addEventListener("click", locate);
    $("#refresh").addEventListener("click", loadMine);
    window.addEventListener("online", () => { show(); flush(); });
    window.addEventListener("offline", () => { $("#offline").hidden = false; });
    setInterval(flush, 20000);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register(`${API}/@@straatsignaal-sw.js`, { scope: `${API}/` }).catch(() => {});
    }
    show();
    flush();
  }
  init();
})();
