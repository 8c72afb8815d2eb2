/* papershelf: narrow the chronology by status, tag, year and free text.
 *
 * Plain JavaScript, no dependencies, no network. The page works without it:
 * every paper is listed and no control is shown. With it, a small form is
 * built above the chronology (and its timeline), from the filter classes the
 * extension put on each row: `paper-row status-<s> year-<y> tag-<slug>`.
 * Rows that do not match are hidden, year sections left empty are hidden,
 * and the timeline's marks (`paper-mark`, same classes) are dimmed.
 *
 * The chronology's overview page lists years, not papers (each year has its
 * own page). There the rows are built from the site's `papers.json` (its
 * stable data source: key, short_name, title, date, status, tags, url; see
 * catalog.schema.json) into a results table that shows once a filter is set,
 * so the filter searches the whole shelf from the overview.
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

  // Close to docutils' make_id, which names the tag-<slug> classes of the rows.
  function slug(text) {
    var id = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^[-0-9]+|-+$/g, "");
    return id || "tag";
  }

  function cell(row, content) {
    var td = document.createElement("td");
    if (typeof content === "string") td.textContent = content; else td.appendChild(content);
    row.appendChild(td);
    return td;
  }

  // The whole shelf as hidden rows, after the overview's year table.
  function catalogRows(catalog, anchor) {
    var root = document.documentElement.dataset.content_root || "";
    var wrapper = document.createElement("div");
    wrapper.className = "table-wrapper paper-table-wrapper paper-filter-results";
    wrapper.hidden = true;
    var table = document.createElement("table");
    table.className = "docutils align-default paper-chronology";
    var head = table.createTHead().insertRow();
    ["Date", "Paper", "Title", "Status"].forEach(function (name) {
      var th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    var rows = catalog.papers.map(function (paper) {
      var row = body.insertRow();
      var year = paper.date ? paper.date.slice(0, 4) : "undated";
      row.className = "paper-row year-" + year;
      if (paper.status) row.classList.add("status-" + paper.status);  // null: the shelf keeps no read status
      paper.tags.forEach(function (tag) { row.classList.add("tag-" + slug(tag)); });
      row.dataset.key = paper.key;
      row.dataset.date = paper.date || "";
      row.dataset.tags = JSON.stringify(paper.tags);
      cell(row, paper.date || "undated").className = "paper-nowrap";
      var link = document.createElement("a");
      link.href = root + paper.url;
      link.textContent = paper.short_name;
      cell(row, link);
      cell(row, paper.title);
      cell(row, paper.status || "");
      return row;
    });
    // Newest first, undated last, as on the year pages; ties by short name.
    rows.sort(function (a, b) {
      if (a.dataset.date !== b.dataset.date) {
        if (!a.dataset.date) return 1;
        if (!b.dataset.date) return -1;
        return a.dataset.date < b.dataset.date ? 1 : -1;
      }
      return a.cells[1].textContent.localeCompare(b.cells[1].textContent);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    wrapper.appendChild(table);
    anchor.parentNode.insertBefore(wrapper, anchor.nextSibling);
    return { rows: rows, wrapper: wrapper };
  }

  function init() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.paper-row"));
    var overview = document.querySelector("table.paper-years");
    if (!rows.length && overview) {
      var root = document.documentElement.dataset.content_root || "";
      fetch(root + "papers.json").then(function (response) { return response.json(); }).then(function (catalog) {
        var built = catalogRows(catalog, overview.closest(".paper-table-wrapper") || overview);
        setUp(built.rows, built.wrapper);
        // Other scripts (the BibTeX of the selection) work on these rows too.
        document.dispatchEvent(new CustomEvent("papershelf:rows", { detail: built.rows }));
      });
      return;
    }
    if (rows.length) setUp(rows, null);
  }

  function setUp(rows, results) {
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
    rows.forEach(function (row) {
      if (!row.dataset.tags) return;
      JSON.parse(row.dataset.tags).forEach(function (tag) { if (!tagLabels[slug(tag)]) tagLabels[slug(tag)] = tag; });
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
        // A year page's own section holds the form: it stays, its count says 0.
        section.hidden = !section.contains(form) && !section.querySelector("tr.paper-row:not([hidden])");
      });
      var active = Boolean(query || status.control.value || tag.control.value || year.control.value);
      if (results) results.hidden = !active;
      var matched = {};
      rows.forEach(function (row) { if (!row.hidden && row.dataset.key) matched[row.dataset.key] = true; });
      var dimmed = {};
      marks.forEach(function (mark) {
        // From the catalog rows when built from papers.json (their text is the
        // paper's, not only its label), else from the mark's own classes.
        var ok = results ? Boolean(matched[mark.getAttribute("data-key")]) : matches(mark, query);
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

    // Above the timeline; on a year page under its title, above its table.
    var anchor = document.querySelector(".tl-legend, .paper-timeline");
    if (!anchor && sections.length === 1 && sections[0].contains(rows[0])) {
      anchor = rows[0].closest("table");
      while (anchor.parentNode !== sections[0]) anchor = anchor.parentNode;
    }
    anchor = anchor || sections[0] || results || rows[0].closest("table");
    anchor.parentNode.insertBefore(form, anchor);
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
