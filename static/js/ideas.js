// Progressive enhancement for the idea pages. Everything works without this file:
// the vote form posts and reloads, and the tags field accepts any comma-separated text.
(function () {
  "use strict";

  // Voting without a page reload, through the API (the same rules and answers as every other client).
  // On any surprise (a vote already given elsewhere, a rate limit) we fall back to the ordinary form post,
  // whose answer explains it.
  function enhanceVoteForm(form) {
    var button = form.querySelector("button[type=submit]");
    var action = form.querySelector("input[name=action]");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var count = document.querySelector("[data-vote-count]");
    var api = form.dataset.voteApi;
    if (!button || !action || !token || !count || !api || !window.fetch) {
      return;
    }
    function countText(votes) {
      var format = votes === 1 ? form.dataset.countOne : form.dataset.countOther;
      return format.replace("%(votes)s", votes);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      fetch(api, {
        method: action.value === "unvote" ? "DELETE" : "POST",
        headers: { Accept: "application/json", "X-CSRFToken": token.value },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("vote failed");
          }
          return response.json();
        })
        .then(function (state) {
          count.textContent = countText(state.votes);
          action.value = state.voted ? "unvote" : "vote";
          button.textContent = state.voted ? form.dataset.labelUnvote : form.dataset.labelVote;
          button.classList.toggle("button-primary", !state.voted);
          button.classList.toggle("button-secondary", state.voted);
          button.disabled = false;
          button.focus();
        })
        .catch(function () {
          button.disabled = false;
          form.submit();
        });
    });
  }

  // Suggest existing tags for the last entry in a comma-separated list.
  function enhanceTagInput(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) {
      return;
    }
    var known = Array.prototype.map.call(list.options, function (option) {
      return option.value;
    });
    input.addEventListener("input", function () {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var head = cut >= 0 ? value.slice(0, cut + 1) + " " : "";
      var last = value.slice(cut + 1).trim().toLowerCase();
      var used = value
        .slice(0, cut + 1)
        .split(",")
        .map(function (tag) {
          return tag.trim().toLowerCase();
        });
      var matches = known
        .filter(function (tag) {
          var lower = tag.toLowerCase();
          return lower.indexOf(last) === 0 && used.indexOf(lower) < 0;
        })
        .slice(0, 20);
      list.textContent = "";
      matches.forEach(function (tag) {
        var option = document.createElement("option");
        option.value = head + tag;
        list.appendChild(option);
      });
    });
  }

  document.querySelectorAll("[data-vote-form]").forEach(enhanceVoteForm);
  document.querySelectorAll("input[data-tag-input][list]").forEach(enhanceTagInput);
})();

// "Hvad nu?": the copy-link button (shown only where the clipboard can be written).
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy-target"));
    if (!input || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = button.getAttribute("data-copied-text");
      });
    });
  });
})();
