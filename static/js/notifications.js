// The live bell: the header's unread count follows new and read notifications without a reload.
// Without this file the count is simply the one the server rendered with the page.
(function () {
  "use strict";

  var link = document.querySelector("[data-notifications-url]");
  if (!link || !window.WebSocket) {
    return;
  }
  var badge = link.querySelector("[data-unread-count]");
  var label = link.querySelector("[data-unread-label]");
  var status = document.querySelector("[data-notifications-status]");
  if (!badge) {
    return;
  }

  var MAX_DELAY = 30000;
  // The server closes with these when retrying cannot help: logged out, or we sent something it refused.
  var FINAL_CODES = [4400, 4401];
  var delay = 1000;

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

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + link.getAttribute("data-notifications-url"));
    socket.addEventListener("open", function () {
      delay = 1000;
      // Lets browser tests (and curious developers) see when the bell is listening.
      link.setAttribute("data-live-state", "open");
    });
    socket.addEventListener("message", function (message) {
      var event;
      try {
        event = JSON.parse(message.data);
      } catch (error) {
        return;
      }
      handle(event);
    });
    socket.addEventListener("close", function (closing) {
      link.setAttribute("data-live-state", "closed");
      if (FINAL_CODES.indexOf(closing.code) >= 0) {
        return;
      }
      // Exponential backoff with jitter, so a restarted server is not hit by every tab at once.
      var wait = Math.min(delay, MAX_DELAY) * (0.5 + Math.random() / 2);
      delay = Math.min(delay * 2, MAX_DELAY);
      window.setTimeout(connect, wait);
    });
  }

  connect();
})();
