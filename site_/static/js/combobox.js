/*
 * One accessible combobox (WAI-ARIA 1.2, a text input with a listbox popup) for every field
 * that suggests while typing: the municipality fields and the search field in the header.
 *
 * Progressive enhancement: without JavaScript each field is a plain form field that the
 * server understands (a municipality as people say it, or a search). With it, the options come
 * from the server's own matching, so what is offered is what the form would accept. Arrow keys
 * move through the options, Enter or a click chooses one, Escape closes the list, and a status
 * message tells screen-reader users how many options there are. Only the newest answer is shown.
 *
 * The two kinds of field differ only in their settings (KINDS below): where the options come
 * from, how many characters are needed, how an option reads, and what choosing it does.
 */
(function () {
  "use strict";

  var KINDS = {
    municipality: {
      selector: "input[data-municipality-combobox]",
      url: function (input) { return input.dataset.suggestionsUrl; },
      minLength: 1,
      delay: 120,
      wrap: true,  // the field gets a wrapper of its own, for the popup's position
      results: function (data) { return data.results || []; },
      text: function (match) { return match.label; },
      group: function (match) { return match.province; },
      countLabel: function (input) { return input.dataset.resultsLabel || ""; },
      choose: function (input, match) { input.value = match.name; },
    },
    search: {
      selector: "input[data-suggestions]",
      url: function (input) { return input.dataset.suggestions; },
      minLength: 2,
      delay: 150,
      wrap: false,  // the search form around the field positions the popup
      results: function (data) { return data.suggestions || []; },
      text: function (suggestion) { return suggestion.title; },
      group: function (suggestion) { return suggestion.kind; },
      countLabel: function (input) { return input.dataset.suggestionsCount || ""; },
      choose: function (input, suggestion) { window.location.href = suggestion.url; },
    },
  };

  function enhance(input, kind) {
    var url = kind.url(input);
    if (!url || !window.fetch) return;
    var listId = input.id + "-listbox";

    var wrapper = input.parentNode;
    if (kind.wrap) {
      wrapper = document.createElement("div");
      input.parentNode.insertBefore(wrapper, input);
      wrapper.appendChild(input);
    }
    wrapper.classList.add("combobox");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__listbox";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var label = document.querySelector('label[for="' + input.id + '"]');
    if (input.dataset.suggestionsLabel) {
      list.setAttribute("aria-label", input.dataset.suggestionsLabel);
    } else if (label) {
      label.id = label.id || input.id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }
    wrapper.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(option) {
      close();
      kind.choose(input, option);
    }

    function highlight(position) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = position;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(found) {
      options = found;
      list.innerHTML = "";
      options.forEach(function (option, position) {
        var item = document.createElement("li");
        item.id = listId + "-" + position;
        item.className = "combobox__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = kind.text(option);
        var group = document.createElement("span");
        group.className = "combobox__group";
        group.textContent = " " + kind.group(option);
        item.appendChild(group);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();  // keeps the focus in the field
          choose(option);
        });
        list.appendChild(item);
      });
      active = -1;
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      var typed = input.value.trim().length >= kind.minLength;
      status.textContent = typed ? options.length + " " + kind.countLabel(input) : "";
    }

    function ask() {
      var query = input.value.trim();
      var ticket = ++asked;
      if (query.length < kind.minLength) {
        render([]);
        return;
      }
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (data) { if (ticket === asked) render(kind.results(data)); })
        .catch(function () { if (ticket === asked) render([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, kind.delay);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden && options.length) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        } else if (list.hidden) {
          ask();
        }
        highlight(Math.min(active + 1, options.length - 1));
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  Object.keys(KINDS).forEach(function (name) {
    document.querySelectorAll(KINDS[name].selector).forEach(function (input) {
      enhance(input, KINDS[name]);
    });
  });
})();
