// Registering a meeting's answer without a page reload. Without this file the form posts and the page
// comes back with a message; with it, the answer is sent in the background and the figures update.
// The form's hidden uuid is kept until the server has confirmed a save, so pressing again after a lost
// answer repeats the same registration, which the server counts once.
(function () {
  "use strict";

  var form = document.querySelector("[data-encounter-form]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = document.querySelector("[data-encounter-status]");
  var todayText = document.querySelector("[data-today-text]");
  var monthText = document.querySelector("[data-month-text]");
  var uuid = form.querySelector("input[name=uuid]");
  var needed = form.querySelector("textarea[name=needed]");
  var buttons = form.querySelectorAll("button[name=answer]");
  var busy = false;

  function say(text, isError) {
    status.textContent = text;
    status.className = "encounter-status " + (isError ? "encounter-status-error" : "encounter-status-ok");
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || button.name !== "answer") {
      return; // an unexpected way of submitting: let the ordinary post happen
    }
    event.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    var data = new FormData(form);
    data.set("answer", button.value);
    buttons.forEach(function (each) { each.setAttribute("aria-disabled", "true"); });
    fetch(form.getAttribute("action") || window.location.pathname, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          say(result.body.message || result.body.detail || form.dataset.errorText, true);
          return;
        }
        var body = result.body;
        uuid.value = body.next_uuid;
        if (needed) { needed.value = ""; }
        todayText.textContent = body.today_text;
        monthText.textContent = body.month_text;
        say(body.message, false);
      })
      .catch(function () {
        say(form.dataset.errorText, true);
      })
      .then(function () {
        busy = false;
        buttons.forEach(function (each) { each.removeAttribute("aria-disabled"); });
      });
  });
})();
