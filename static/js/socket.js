// The one way our pages listen on a WebSocket: JSON events to a handler, reconnecting with backoff.
// `element` carries the state in data-live-state ("open"/"closed") so browser tests can wait for it.
(function () {
  "use strict";

  var MAX_DELAY = 30000;

  window.ideabankListen = function (element, path, handle, finalCodes) {
    if (!window.WebSocket) {
      return;
    }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var delay = 1000;

    function connect() {
      var socket = new WebSocket(scheme + window.location.host + path);
      socket.addEventListener("open", function () {
        delay = 1000;
        element.setAttribute("data-live-state", "open");
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
        element.setAttribute("data-live-state", "closed");
        // The server closes with these when retrying cannot help.
        if (finalCodes.indexOf(closing.code) >= 0) {
          return;
        }
        // Exponential backoff with jitter, so a restarted server is not hit by every tab at once.
        var wait = Math.min(delay, MAX_DELAY) * (0.5 + Math.random() / 2);
        delay = Math.min(delay * 2, MAX_DELAY);
        window.setTimeout(connect, wait);
      });
    }

    connect();
  };
})();
