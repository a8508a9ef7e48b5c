/*
 * Searchable municipality chooser for the Wagtail admin (core.widgets.MunicipalityChooser).
 *
 * A Stimulus controller registered with Wagtail's own application, so it also starts on
 * forms added later (a new implementation in an InlinePanel). The <select multiple>
 * stays the form field: this only hides it and offers a search field (names as people
 * say them, from each option's data-search) and the chosen municipalities as chips.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 12;

  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’‘`´]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  class MunicipalityChooser extends window.StimulusModule.Controller {
    static values = { searchLabel: String, removeLabel: String, noneLabel: String, foundLabel: String };

    connect() {
      this.select = this.element.querySelector("select");
      if (!this.select || this.input) return;
      var id = this.select.id || "municipalities";
      this.select.hidden = true;
      this.select.setAttribute("aria-hidden", "true");
      this.select.tabIndex = -1;

      this.chosen = document.createElement("ul");
      this.chosen.className = "wiel-municipalities__chosen";
      this.chosen.setAttribute("aria-live", "polite");

      this.input = document.createElement("input");
      this.input.type = "text";
      this.input.id = id + "-search";
      this.input.autocomplete = "off";
      this.input.setAttribute("role", "combobox");
      this.input.setAttribute("aria-autocomplete", "list");
      this.input.setAttribute("aria-expanded", "false");
      this.input.setAttribute("aria-controls", id + "-results");
      this.input.setAttribute("aria-label", this.searchLabelValue);
      this.input.placeholder = this.searchLabelValue;

      this.results = document.createElement("ul");
      this.results.id = id + "-results";
      this.results.className = "wiel-municipalities__results";
      this.results.setAttribute("role", "listbox");
      this.results.setAttribute("aria-label", this.searchLabelValue);
      this.results.hidden = true;

      this.status = document.createElement("p");
      this.status.className = "w-sr-only";
      this.status.setAttribute("role", "status");

      this.element.append(this.chosen, this.input, this.results, this.status);
      this.active = -1;
      this.matches = [];
      this.input.addEventListener("input", () => this.search());
      this.input.addEventListener("keydown", (event) => this.key(event));
      this.input.addEventListener("blur", () => window.setTimeout(() => this.close(), 150));
      this.renderChosen();
    }

    options() {
      return Array.prototype.slice.call(this.select.options);
    }

    renderChosen() {
      this.chosen.innerHTML = "";
      var picked = this.options().filter((option) => option.selected);
      if (!picked.length) {
        var none = document.createElement("li");
        none.textContent = this.noneLabelValue;
        this.chosen.appendChild(none);
      }
      picked.forEach((option) => {
        var chip = document.createElement("li");
        chip.className = "wiel-municipalities__chip";
        chip.appendChild(document.createTextNode(option.text));
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", this.removeLabelValue + " " + option.text);
        remove.addEventListener("click", () => {
          option.selected = false;
          this.changed();
        });
        chip.appendChild(remove);
        this.chosen.appendChild(chip);
      });
    }

    changed() {
      this.select.dispatchEvent(new Event("change", { bubbles: true }));
      this.renderChosen();
    }

    search() {
      var query = fold(this.input.value);
      var starts = [];
      var contains = [];
      if (query) {
        this.options().forEach((option) => {
          if (option.selected) return;
          var keys = (option.dataset.search || fold(option.text)).split(" | ");
          if (keys.some((key) => key.indexOf(query) === 0 || key.indexOf(" " + query) >= 0)) starts.push(option);
          else if (keys.some((key) => key.indexOf(query) >= 0)) contains.push(option);
        });
      }
      this.matches = starts.concat(contains).slice(0, MAX_RESULTS);
      this.results.innerHTML = "";
      this.matches.forEach((option, position) => {
        var item = document.createElement("li");
        item.id = this.results.id + "-" + position;
        item.className = "wiel-municipalities__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = option.text + " ";
        var province = document.createElement("span");
        province.className = "wiel-municipalities__province";
        province.textContent = option.dataset.province || "";
        item.appendChild(province);
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          this.pick(option);
        });
        this.results.appendChild(item);
      });
      this.active = -1;
      this.results.hidden = !this.matches.length;
      this.input.setAttribute("aria-expanded", this.matches.length ? "true" : "false");
      this.status.textContent = query ? this.matches.length + " " + this.foundLabelValue : "";
    }

    pick(option) {
      option.selected = true;
      this.input.value = "";
      this.close();
      this.changed();
    }

    highlight(position) {
      var items = this.results.children;
      if (items[this.active]) items[this.active].setAttribute("aria-selected", "false");
      this.active = position;
      if (items[position]) {
        items[position].setAttribute("aria-selected", "true");
        this.input.setAttribute("aria-activedescendant", items[position].id);
        items[position].scrollIntoView({ block: "nearest" });
      }
    }

    key(event) {
      if (event.key === "ArrowDown") {
        this.highlight(Math.min(this.active + 1, this.matches.length - 1));
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        this.highlight(Math.max(this.active - 1, 0));
        event.preventDefault();
      } else if (event.key === "Enter") {
        // Never submit the page form from the search field.
        event.preventDefault();
        var option = this.matches[this.active >= 0 ? this.active : 0];
        if (option && !this.results.hidden) this.pick(option);
      } else if (event.key === "Escape") {
        this.close();
      }
    }

    close() {
      this.results.hidden = true;
      this.input.setAttribute("aria-expanded", "false");
      this.input.removeAttribute("aria-activedescendant");
      this.active = -1;
    }
  }

  window.wagtail.app.register("wiel-municipalities", MunicipalityChooser);
})();
