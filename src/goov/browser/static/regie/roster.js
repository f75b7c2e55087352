/* Add and remove dossier team members through @members (regisseurs). */
(function () {
  "use strict";
  const script = document.currentScript;
  const dossier = script.dataset.dossier;
  const message = (text) => { document.getElementById("goov-roster-message").textContent = text; };
  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      const data = await response.json().catch(() => ({}));
      const err = data.error || data;
      throw new Error(err.message || response.statusText);
    }
  }
  document.getElementById("goov-add-member").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await call("POST", `${dossier}/@members`, { principal: event.target.principal.value.trim() });
      window.location.reload();
    } catch (err) { message(err.message); }
  });
  document.querySelectorAll(".goov-remove-member").forEach((button) =>
    button.addEventListener("click", async () => {
      try {
        await call("DELETE", `${dossier}/@members/${encodeURIComponent(button.dataset.principal)}`);
        window.location.reload();
      } catch (err) { message(err.message); }
    }));
})();
