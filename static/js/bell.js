// The bell's dropdown: the header's "Notifikationer" link opens the latest ten in a panel instead of
// leaving the page. Without this file (or with a modifier key held) the link goes to the full list.
(function () {
  "use strict";

  var bell = document.querySelector("[data-bell]");
  if (!bell || !window.fetch) {
    return;
  }
  var toggle = bell.querySelector("[data-bell-toggle]");
  var panel = document.getElementById(toggle.getAttribute("aria-controls"));
  if (!toggle || !panel) {
    return;
  }
  toggle.setAttribute("role", "button");
  toggle.setAttribute("aria-expanded", "false");

  function isOpen() {
    return toggle.getAttribute("aria-expanded") === "true";
  }

  function close(returnFocus) {
    if (!isOpen()) {
      return;
    }
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (returnFocus) {
      toggle.focus();
    }
  }

  function open() {
    toggle.setAttribute("aria-expanded", "true");
    panel.hidden = false;
    panel.setAttribute("aria-busy", "true");
    fetch(bell.getAttribute("data-bell-url"), { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        // Rendered by our own server with everything escaped.
        var fragment = new DOMParser().parseFromString(html, "text/html").body;
        panel.replaceChildren.apply(panel, Array.prototype.slice.call(fragment.childNodes));
        panel.removeAttribute("aria-busy");
        var heading = panel.querySelector("#bell-heading");
        if (heading) {
          heading.focus();
        }
      })
      .catch(function () {
        window.location.assign(toggle.href); // the full page still works
      });
  }

  toggle.addEventListener("click", function (event) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    if (isOpen()) {
      close(false);
    } else {
      open();
    }
  });
  toggle.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      toggle.click();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      close(true);
    }
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !bell.contains(event.target)) {
      close(false);
    }
  });
  bell.addEventListener("focusout", function (event) {
    if (isOpen() && event.relatedTarget && !bell.contains(event.relatedTarget)) {
      close(false);
    }
  });
})();
