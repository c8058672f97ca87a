// Search enhancements. Everything here is optional: without JavaScript the search boxes are plain
// GET forms to /soeg/, and the idea form simply has no "Findes din idé allerede?" hints.
//
// 1. <input data-autocomplete-url="…"> becomes an ARIA 1.2 combobox with a list of idea titles
//    (arrow keys move, Enter opens, Escape closes, debounced requests).
// 2. <form data-similar-url="…"> (the idea form): as soon as the field named "title" has 3+ characters
//    (and again as "problem" is written), similar ideas are fetched (debounced) into #similar-ideas,
//    which sits right after the title.
(function () {
  "use strict";

  if (window.ideabankSearch) {
    return; // loaded twice (base template and a page): enhance once
  }

  var AUTOCOMPLETE_DELAY = 250;
  var SIMILAR_DELAY = 400;
  var MIN_AUTOCOMPLETE = 2;
  var MIN_TITLE = 3;
  var counter = 0;

  // Announcements come translated from the template (data-text-*); these are the Danish defaults.
  function texts(input) {
    return {
      none: input.getAttribute("data-text-none") || "Ingen forslag",
      one: input.getAttribute("data-text-one") || "1 forslag. Brug piletasterne for at vælge.",
      many: input.getAttribute("data-text-many") || "%s forslag. Brug piletasterne for at vælge.",
    };
  }

  function debounce(fn, delay) {
    var timer = null;
    return function () {
      var args = arguments;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        fn.apply(null, args);
      }, delay);
    };
  }

  // ---- autocomplete ----------------------------------------------------------------------------

  function enhanceAutocomplete(input) {
    if (input.hasAttribute("data-autocomplete-ready")) {
      return;
    }
    input.setAttribute("data-autocomplete-ready", "");
    var text = texts(input);
    counter += 1;
    var listId = (input.id || "search-input-" + counter) + "-suggestions";
    var wrapper = document.createElement("div");
    wrapper.className = "autocomplete";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels.length ? input.labels[0].textContent.trim() : "");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var options = [];
    var active = -1;
    var controller = null;
    var lastQuery = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function open(url) {
      window.location.assign(url);
    }

    function render(results) {
      list.replaceChildren();
      options = results.map(function (result, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "autocomplete-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = result.title;
        option.dataset.url = result.url;
        // mousedown, not click: the input must not lose focus (and close the list) first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          open(result.url);
        });
        list.appendChild(option);
        return option;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      status.textContent =
        options.length === 0 ? text.none : options.length === 1 ? text.one : text.many.replace("%s", options.length);
    }

    var fetchSuggestions = debounce(function (query) {
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      var url = input.getAttribute("data-autocomplete-url") + "?format=json&q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (body) {
          if (input.value.trim() === query && document.activeElement === input) {
            render(body.results || []);
          }
        })
        .catch(function () {
          /* aborted or offline: the form still submits to the search page */
        });
    }, AUTOCOMPLETE_DELAY);

    input.addEventListener("input", function () {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (query.length < MIN_AUTOCOMPLETE) {
        close();
        status.textContent = "";
        return;
      }
      fetchSuggestions(query);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden && options.length > 0;
      switch (event.key) {
        case "ArrowDown":
          if (!expanded && options.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          }
          if (options.length) {
            event.preventDefault();
            setActive(active + 1 >= options.length ? 0 : active + 1);
          }
          break;
        case "ArrowUp":
          if (expanded) {
            event.preventDefault();
            setActive(active <= 0 ? options.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            open(options[active].dataset.url);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", close);
  }

  // ---- similar ideas while writing ---------------------------------------------------------------

  function enhanceSimilar(form) {
    if (form.hasAttribute("data-similar-ready")) {
      return;
    }
    form.setAttribute("data-similar-ready", "");
    var title = form.elements.namedItem("title");
    var problem = form.elements.namedItem("problem");
    var target = document.getElementById("similar-ideas");
    if (!title || !problem || !target) {
      return;
    }
    var controller = null;
    var lastKey = null;

    var fetchSimilar = debounce(function () {
      var titleText = title.value.trim();
      var problemText = problem.value.trim();
      if (titleText.length < MIN_TITLE) {
        return;
      }
      var params = new URLSearchParams({ title: titleText });
      if (problemText) {
        params.set("problem", problemText);
      }
      var exclude = form.getAttribute("data-similar-exclude");
      if (exclude) {
        params.set("exclude", exclude);
      }
      var key = params.toString();
      if (key === lastKey) {
        return;
      }
      lastKey = key;
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      fetch(form.getAttribute("data-similar-url") + "?" + key, {
        headers: { Accept: "text/html" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html === null) {
            return;
          }
          // The fragment is rendered by our own server with everything escaped.
          var fragment = new DOMParser().parseFromString(html, "text/html").body;
          target.replaceChildren.apply(target, Array.prototype.slice.call(fragment.childNodes));
        })
        .catch(function () {
          /* aborted or offline: the hint is a nicety */
        });
    }, SIMILAR_DELAY);

    title.addEventListener("input", fetchSimilar);
    problem.addEventListener("input", fetchSimilar);
    fetchSimilar(); // an edit form or a form shown again with errors already has text
  }

  // Safe to call again (e.g. after content was added to the page): each element is enhanced once.
  function init() {
    document.querySelectorAll("input[data-autocomplete-url]").forEach(enhanceAutocomplete);
    document.querySelectorAll("form[data-similar-url]").forEach(enhanceSimilar);
  }

  window.ideabankSearch = { init: init };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
