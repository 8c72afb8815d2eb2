/* papershelf: narrow the chronology by status, tag, year and free text.
 *
 * Plain JavaScript, no dependencies, no network. The page works without it:
 * every paper is listed and no control is shown. With it, a small form is
 * built above the chronology (and its timeline), from the filter classes the
 * extension put on each row: `paper-row status-<s> year-<y> tag-<slug>`.
 * Rows that do not match are hidden, year sections left empty are hidden,
 * and the timeline's marks (`paper-mark`, same classes) are dimmed.
 */
(function () {
  "use strict";

  var STATUS_ORDER = ["read", "reading", "unread"];

  function classValues(elements, prefix) {
    var seen = {};
    elements.forEach(function (element) {
      element.classList.forEach(function (name) {
        if (name.indexOf(prefix) === 0) seen[name.slice(prefix.length)] = true;
      });
    });
    return Object.keys(seen);
  }

  function makeSelect(labelText, name, options) {
    var label = document.createElement("label");
    label.textContent = labelText;
    var select = document.createElement("select");
    select.name = name;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "All";
    select.appendChild(all);
    options.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      select.appendChild(option);
    });
    label.appendChild(select);
    return { label: label, control: select };
  }

  function init() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.paper-row"));
    if (!rows.length) return;
    var marks = Array.prototype.slice.call(document.querySelectorAll(".paper-timeline .paper-mark"));
    var arrows = Array.prototype.slice.call(document.querySelectorAll(".paper-timeline .tl-arrow[data-from]"));
    var sections = Array.prototype.slice.call(document.querySelectorAll("section.paper-year"));

    var statuses = classValues(rows, "status-").sort(function (a, b) {
      return STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b);
    });
    var years = classValues(rows, "year-").sort(function (a, b) {
      if (a === "undated") return 1;
      if (b === "undated") return -1;
      return Number(b) - Number(a);
    });
    var tagLabels = {};
    document.querySelectorAll("tr.paper-row .paper-tag").forEach(function (chip) {
      chip.classList.forEach(function (name) {
        if (name.indexOf("tag-") === 0 && !tagLabels[name.slice(4)]) tagLabels[name.slice(4)] = chip.textContent.trim();
      });
    });
    var tags = classValues(rows, "tag-").map(function (slug) {
      return [slug, tagLabels[slug] || slug.replace(/-/g, " ")];
    }).sort(function (a, b) { return a[1].localeCompare(b[1]); });

    var form = document.createElement("form");
    form.className = "paper-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the papers");

    var textLabel = document.createElement("label");
    textLabel.textContent = "Search";
    var text = document.createElement("input");
    text.type = "search";
    text.name = "q";
    text.placeholder = "name, title, venue…";
    textLabel.appendChild(text);
    form.appendChild(textLabel);

    var status = makeSelect("Status", "status", statuses.map(function (s) { return [s, s]; }));
    var tag = makeSelect("Topic", "tag", tags);
    var year = makeSelect("Year", "year", years.map(function (y) { return [y, y === "undated" ? "Undated" : y]; }));
    // A filter with one choice filters nothing (every status is the same on a shelf without reading status).
    [status, tag, year].forEach(function (s) { if (s.control.options.length > 2) form.appendChild(s.label); });

    var reset = document.createElement("button");
    reset.type = "reset";
    reset.textContent = "Show all";
    form.appendChild(reset);

    var count = document.createElement("p");
    count.className = "paper-filter-count";
    count.setAttribute("aria-live", "polite");
    form.appendChild(count);

    function matches(element, query) {
      var list = element.classList;
      if (status.control.value && !list.contains("status-" + status.control.value)) return false;
      if (tag.control.value && !list.contains("tag-" + tag.control.value)) return false;
      if (year.control.value && !list.contains("year-" + year.control.value)) return false;
      return !query || element.textContent.toLowerCase().indexOf(query) !== -1;
    }

    function apply() {
      var query = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, query);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector("tr.paper-row:not([hidden])");
      });
      var dimmed = {};
      marks.forEach(function (mark) {
        var ok = matches(mark, query);
        mark.classList.toggle("is-dimmed", !ok);
        if (!ok) dimmed[mark.getAttribute("data-key")] = true;
      });
      arrows.forEach(function (arrow) {
        var off = dimmed[arrow.getAttribute("data-from")] || dimmed[arrow.getAttribute("data-to")];
        arrow.classList.toggle("is-dimmed", Boolean(off));
      });
      count.textContent = shown === rows.length
        ? "All " + rows.length + " papers"
        : "Showing " + shown + " of " + rows.length + " papers";
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    var anchor = document.querySelector(".paper-timeline") || sections[0] || rows[0].closest("table");
    anchor.parentNode.insertBefore(form, anchor);
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
