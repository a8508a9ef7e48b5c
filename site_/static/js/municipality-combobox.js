/*
 * Type-ahead for the municipality question of the fit check.
 *
 * Progressive enhancement: without JavaScript the page offers a plain <select>
 * grouped by province. With it, the select is hidden and a combobox (WAI-ARIA 1.2
 * pattern "combobox with listbox popup") takes its place; picking an option sets
 * the select, so the form submits exactly what it would without this script.
 */
(function () {
  "use strict";

  var MAX_OPTIONS = 12;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var places = Array.prototype.filter.call(select.options, function (option) {
      return option.value;
    }).map(function (option) {
      var group = option.parentNode.tagName === "OPTGROUP" ? option.parentNode.label : "";
      return { value: option.value, name: option.text, group: group, key: fold(option.text) };
    });

    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    var input = document.createElement("input");
    var listId = select.id + "-listbox";
    input.type = "text";
    input.id = select.id + "-combobox";
    input.className = "combobox__input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    var selected = select.options[select.selectedIndex];
    input.value = selected && selected.value ? selected.text : "";

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__listbox";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    if (label) {
      label.setAttribute("for", input.id);
      label.id = label.id || select.id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    var matches = [];
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(place) {
      select.value = place ? place.value : "";
      input.value = place ? place.name : "";
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

    function render() {
      var query = fold(input.value.trim());
      var starts = [];
      var contains = [];
      places.forEach(function (place) {
        if (!query) return;
        var at = place.key.indexOf(query);
        if (at === 0) starts.push(place);
        else if (at > 0) contains.push(place);
      });
      matches = starts.concat(contains).slice(0, MAX_OPTIONS);
      list.innerHTML = "";
      matches.forEach(function (place, position) {
        var item = document.createElement("li");
        item.id = listId + "-" + position;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.className = "combobox__option";
        item.textContent = place.name;
        var group = document.createElement("span");
        group.className = "combobox__group";
        group.textContent = " " + place.group;
        item.appendChild(group);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(place);
        });
        list.appendChild(item);
      });
      active = -1;
      list.hidden = matches.length === 0;
      input.setAttribute("aria-expanded", matches.length ? "true" : "false");
      status.textContent = query ? matches.length + " " + (select.dataset.resultsLabel || "") : "";
    }

    input.addEventListener("input", function () {
      select.value = "";
      render();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) render();
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
    input.addEventListener("blur", function () {
      // A name typed in full counts as chosen, as it does for the server.
      var typed = fold(input.value.trim());
      var exact = places.filter(function (place) { return place.key === typed; })[0];
      if (exact) select.value = exact.value;
      close();
    });

    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.parentNode.insertBefore(wrapper, select);
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    wrapper.appendChild(status);
  }

  document.querySelectorAll("select[data-municipality-combobox]").forEach(enhance);
})();
