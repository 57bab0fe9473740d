/* Website of the Lokaler Integrationsplan: filters and sorting for the Maßnahmenkatalog.
   Without JavaScript the catalogue is a complete plain table; the filter form stays hidden.
   Filters are kept in the address (?feld=BIL&umsetzung=in_umsetzung), so a filtered view can be shared. */
(function () {
  "use strict";

  var FILTERS = {
    feld: "feld",
    entscheidung: "entscheidung",
    umsetzung: "umsetzung",
    zielgruppe: "zielgruppen",
    thema: "themen",
    antrag: "antrag"
  };

  function sortKey(row, index) {
    var cell = row.cells[index];
    return cell.getAttribute("data-sort") || cell.textContent.trim();
  }

  function setUpSorting(table, rows) {
    var headers = table.tHead.rows[0].cells;
    var body = table.tBodies[0];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (!th.hasAttribute("data-sortable")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "lip-sort";
      button.textContent = th.textContent;
      var icon = document.createElement("span");
      icon.className = "lip-sort__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var order = rows.map(function (row, position) {
          return { row: row, key: sortKey(row, index), position: position };
        });
        order.sort(function (a, b) {
          var result = a.key.localeCompare(b.key, "de", { numeric: true, sensitivity: "base" });
          return (ascending ? result : -result) || a.position - b.position;
        });
        order.forEach(function (entry) {
          body.appendChild(entry.row);
        });
      });
    });
    headers[0].setAttribute("aria-sort", "ascending");
  }

  function setUpFilters(form, rows) {
    var count = form.querySelector("[data-lip-count]");
    var none = document.querySelector("[data-lip-none]");
    var names = Object.keys(FILTERS);
    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) {
      var select = form.elements[name];
      var wanted = params.get(name);
      if (select && wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });

    function apply(updateAddress) {
      var shown = 0;
      var query = new URLSearchParams();
      names.forEach(function (name) {
        if (form.elements[name].value) {
          query.set(name, form.elements[name].value);
        }
      });
      rows.forEach(function (row) {
        var match = names.every(function (name) {
          var wanted = form.elements[name].value;
          if (!wanted) {
            return true;
          }
          return (row.getAttribute("data-" + FILTERS[name]) || "").split(" ").indexOf(wanted) !== -1;
        });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      count.textContent = shown + " von " + rows.length + " Maßnahmen angezeigt";
      none.hidden = shown !== 0;
      if (updateAddress) {
        var search = query.toString();
        window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
      }
    }

    form.addEventListener("change", function () {
      apply(true);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        apply(true);
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    apply(false);
  }

  /* A table wider than its box gets a visible hint, a sticky first column (lip.css) and a place in the tab
     order, so that it can be scrolled with the keyboard. */
  function markScrollingTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".lip-table-wrap"), function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.toggleAttribute("data-lip-scrolls", scrolls);
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("data-lip-tabindex", "");
      } else if (!scrolls && wrap.hasAttribute("data-lip-tabindex")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("data-lip-tabindex");
      }
    });
  }

  /* "Im Plan suchen" (404 page) opens the theme's search dialog. */
  function setUpSearchButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-lip-search-open]"), function (button) {
      button.addEventListener("click", function () {
        var toggle = document.getElementById("__search");
        if (toggle) {
          toggle.checked = true;
          toggle.dispatchEvent(new Event("change"));
          var input = document.querySelector("input.md-search__input");
          if (input) {
            input.focus();
          }
        }
      });
    });
  }

  function init() {
    markScrollingTables();
    setUpSearchButtons();
    window.addEventListener("resize", markScrollingTables);
    // a table can grow after the first paint, when the web font arrives: look again whenever one changes size
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(markScrollingTables);
      Array.prototype.forEach.call(document.querySelectorAll(".lip-table-wrap > table"), function (table) {
        observer.observe(table);
      });
    }
    var table = document.querySelector("[data-lip-katalog]");
    var form = document.querySelector("[data-lip-filter]");
    if (!table || !form) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    setUpFilters(form, rows);
    setUpSorting(table, rows);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
