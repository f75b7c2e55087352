/* One click puts a proposed dossier on the meeting's agenda (REST: an AgendaItem). */
(function () {
  "use strict";
  const meeting = document.currentScript.dataset.meeting;
  document.querySelectorAll(".goov-add-agenda").forEach((button) =>
    button.addEventListener("click", async () => {
      button.disabled = true;
      const response = await fetch(meeting, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ "@type": "AgendaItem", title: button.dataset.title, dossier: button.dataset.uid }),
      });
      if (response.ok) window.location.reload();
      else { button.disabled = false; button.textContent = `${response.status}`; }
    }));
})();
