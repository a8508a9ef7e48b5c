/*
 * Type-ahead for the municipality fields (fit check, practice finder, municipalities like mine).
 *
 * Progressive enhancement: without JavaScript the field is a plain text input and the
 * server understands the name as people say it (Den Haag, Den Bosch, Weesp), or answers
 * with suggestions. With it, the input becomes a WAI-ARIA 1.2 combobox whose options
 * come from the same matching on the server (data-suggestions-url), so what is offered
 * while typing is exactly what the form would accept.
 */
(function () {
  "use strict";

  var DELAY = 120;

  function enhance(input) {
    var url = input.dataset.suggestionsUrl;
    if (!url || !window.fetch) return;
    var listId = input.id + "-listbox";
    var label = document.querySelector('label[for="' + input.id + '"]');

    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__listbox";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    if (label) {
      label.id = label.id || input.id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }
    wrapper.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    var matches = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(match) {
      input.value = match.name;
      close();
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

    function render(results) {
      matches = results;
      list.innerHTML = "";
      matches.forEach(function (match, position) {
        var item = document.createElement("li");
        item.id = listId + "-" + position;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.className = "combobox__option";
        item.textContent = match.label;
        var group = document.createElement("span");
        group.className = "combobox__group";
        group.textContent = " " + match.province;
        item.appendChild(group);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(match);
        });
        list.appendChild(item);
      });
      active = -1;
      list.hidden = matches.length === 0;
      input.setAttribute("aria-expanded", matches.length ? "true" : "false");
      status.textContent = input.value.trim() ? matches.length + " " + (input.dataset.resultsLabel || "") : "";
    }

    function ask() {
      var query = input.value.trim();
      if (!query) {
        render([]);
        return;
      }
      var ticket = ++asked;
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (ticket === asked) render(data.results || []);
        })
        .catch(function () {
          if (ticket === asked) render([]);
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) ask();
        highlight(Math.min(active + 1, matches.length - 1));
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        highlight(Math.max(active - 1, 0));
        event.preventDefault();
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        choose(matches[active]);
        event.preventDefault();
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-municipality-combobox]").forEach(enhance);
})();
