// The live bell: the header's unread count follows new and read notifications without a reload.
// Without this file the count is simply the one the server rendered with the page.
(function () {
  "use strict";

  var link = document.querySelector("[data-notifications-url]");
  if (!link || !window.ideabankListen) {
    return;
  }
  var badge = link.querySelector("[data-unread-count]");
  var label = link.querySelector("[data-unread-label]");
  var status = document.querySelector("[data-notifications-status]");
  if (!badge) {
    return;
  }

  // The server closes with these when retrying cannot help: logged out, or we sent something it refused.
  var FINAL_CODES = [4400, 4401];

  function announce(text) {
    if (!status) {
      return;
    }
    // Clear first so that the same sentence twice is still read out.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 100);
  }

  function setCount(unread) {
    if (typeof unread !== "number" || unread < 0) {
      return;
    }
    badge.textContent = String(unread);
    if (label) {
      label.textContent = " " + label.getAttribute(unread === 1 ? "data-label-one" : "data-label-other");
    }
  }

  function handle(event) {
    if (!event || typeof event.type !== "string") {
      return;
    }
    if (event.type === "notification.created") {
      setCount(event.unread);
      if (event.notification && typeof event.notification.text === "string") {
        announce((status && status.getAttribute("data-label-new")) + " " + event.notification.text);
      }
    } else if (event.type === "notification.unread") {
      // Sent on (re)connecting and when notifications are read in another tab: the count follows quietly.
      setCount(event.unread);
    }
  }

  window.ideabankListen(link, link.getAttribute("data-notifications-url"), handle, FINAL_CODES);
})();
