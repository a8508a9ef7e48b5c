/*
 * Suggestions under the search field (WAI-ARIA 1.2 combobox with a listbox popup).
 *
 * Progressive enhancement: without JavaScript the field is a plain search form. With it, typing
 * two or more characters asks /zoeken/suggesties/ for matching pages; arrow keys move through
 * them, Enter on a suggestion opens that page, and Enter anywhere else searches as usual.
 */
(function () {
  "use strict";

  function enhance(input) {
    var endpoint = input.dataset.suggestions;
    var listId = input.id + "-suggesties";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.suggestionsLabel || "");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.classList.add("combobox");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var suggestions = [];
    var active = -1;
    var timer = null;
    var asked = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(position) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = position;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(found) {
      suggestions = found;
      list.innerHTML = "";
      found.forEach(function (suggestion, position) {
        var item = document.createElement("li");
        item.id = listId + "-" + position;
        item.className = "combobox__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = suggestion.title;
        var kind = document.createElement("span");
        kind.className = "combobox__group";
        kind.textContent = " " + suggestion.kind;
        item.appendChild(kind);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(item);
      });
      active = -1;
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      status.textContent = found.length ? found.length + " " + (input.dataset.suggestionsCount || "") : "";
    }

    function ask() {
      var query = input.value.trim();
      if (query.length < 2) {
        render([]);
        return;
      }
      asked = query;
      fetch(endpoint + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (asked === query) render(data.suggestions || []); })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && suggestions.length) {
        event.preventDefault();
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        highlight(Math.min(active + 1, suggestions.length - 1));
      } else if (event.key === "ArrowUp" && suggestions.length) {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.href = suggestions[active].url;
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-suggestions]").forEach(enhance);
})();
