// Live updates for an idea page: vote counts and comments from other people appear without a reload.
// The page is complete without this file; it only adds what others do while you are reading.
(function () {
  "use strict";

  var root = document.querySelector("[data-live-url]");
  if (!root || !window.ideabankListen || !document.createElement("template").content) {
    return;
  }

  // The server closes with these when retrying cannot help (idea gone, or we sent something it refused).
  var FINAL_CODES = [4400, 4404];
  var announcer = makeAnnouncer();

  function makeAnnouncer() {
    var region = document.createElement("div");
    region.className = "sr-only";
    region.setAttribute("aria-live", "polite");
    region.setAttribute("role", "status");
    document.body.appendChild(region);
    return function (text) {
      // Clear first so that the same sentence twice is still read out.
      region.textContent = "";
      window.setTimeout(function () {
        region.textContent = text;
      }, 100);
    };
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function rootList() {
    var list = document.querySelector(".comment-list-root");
    if (list) {
      return list;
    }
    var heading = document.getElementById("comments-heading");
    if (!heading) {
      return null;
    }
    list = document.createElement("ol");
    list.className = "comment-list comment-list-root";
    heading.parentNode.insertBefore(list, heading.nextSibling);
    var empty = document.querySelector("[data-comments-empty]");
    if (empty) {
      empty.parentNode.removeChild(empty);
    }
    return list;
  }

  function childList(parentItem) {
    for (var i = 0; i < parentItem.children.length; i++) {
      if (parentItem.children[i].classList.contains("comment-list")) {
        return parentItem.children[i];
      }
    }
    var list = document.createElement("ol");
    list.className = "comment-list";
    parentItem.appendChild(list);
    return list;
  }

  function commentCreated(event) {
    var id = "comment-" + event.comment.id;
    // Our own comment is already on the page after the form post; never show it twice.
    if (document.getElementById(id)) {
      return;
    }
    var list;
    if (event.comment.parent) {
      var parentItem = document.getElementById("comment-" + event.comment.parent);
      list = parentItem ? childList(parentItem) : null;
    } else {
      list = rootList();
    }
    var item = fragment(event.html);
    if (!list || !item) {
      return;
    }
    list.appendChild(item);
    announcer((root.getAttribute("data-live-new-comment") || "") + " " + event.comment.author);
  }

  function commentChanged(event, hidden) {
    var item = document.getElementById("comment-" + event.comment.id);
    var fresh = fragment(event.html);
    if (!item || !fresh) {
      return;
    }
    var card = item.querySelector(".comment-card");
    var freshCard = fresh.querySelector(".comment-card");
    if (!card || !freshCard) {
      return;
    }
    var parts = [".comment-meta", ".comment-text"];
    var editable = !hidden && parts.every(function (selector) {
      return card.querySelector(selector) && freshCard.querySelector(selector);
    });
    if (!editable) {
      // Hidden, deleted or restored: the whole card changes (placeholders have no actions to keep).
      card.parentNode.replaceChild(freshCard, card);
      return;
    }
    // An edit replaces only the byline and text, so reply or report forms someone has open survive.
    parts.forEach(function (selector) {
      var old = card.querySelector(selector);
      old.parentNode.replaceChild(freshCard.querySelector(selector), old);
    });
  }

  function handle(event) {
    if (!event || typeof event.type !== "string") {
      return;
    }
    if (event.type === "vote.changed") {
      var count = document.querySelector("[data-vote-count]");
      // The count is itself a polite live region, so changing its text is announced.
      if (count && typeof event.text === "string") {
        count.textContent = event.text;
      }
    } else if (event.type === "comment.created") {
      commentCreated(event);
    } else if (event.type === "comment.edited") {
      commentChanged(event, false);
    } else if (event.type === "comment.hidden") {
      commentChanged(event, true);
    } else if (event.type === "idea.status") {
      announcer(root.getAttribute("data-live-status-changed") || "");
    }
  }

  window.ideabankListen(root, root.getAttribute("data-live-url"), handle, FINAL_CODES);
})();
