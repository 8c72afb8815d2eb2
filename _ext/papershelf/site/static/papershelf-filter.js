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
 * own page). There the filter searches the whole shelf without loading it
 * whole: `papers-by-year/index.json` (a few kB: each year's size and its
 * counts per topic and status, catalog.py) gives the choices, and each
 * change of the filter loads only the years that can match, newest first,
 * up to BUDGET bytes, into a results table that shows once a filter is set;
 * "Search older years" loads the next ones. A small shelf is loaded whole
 * at once.
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

  var BUDGET = 250000;   // bytes of year files one filter action may load (index.json says each file's size)
  var PREFETCH = 24000;  // a shelf whose year files are this small together (about 150 papers) is loaded whole, up front

  function yearOrder(a, b) {
    if (a === "undated") return 1;
    if (b === "undated") return -1;
    return Number(b) - Number(a);
  }

  // The shelf by year (papers-by-year/, catalog.py): the results table, one
  // <tbody> per year in chronological order, filled when a filter needs that year.
  function YearSource(index, base, anchor) {
    var self = this;
    self.index = index;
    self.base = base;
    self.root = document.documentElement.dataset.content_root || "";
    self.loaded = {};
    self.rows = [];
    self.wrapper = document.createElement("div");
    self.wrapper.className = "table-wrapper paper-table-wrapper paper-filter-results";
    self.wrapper.hidden = true;
    var table = document.createElement("table");
    table.className = "docutils align-default paper-chronology";
    var head = table.createTHead().insertRow();
    ["Date", "Paper", "Title", "Status"].forEach(function (name) {
      var th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    });
    self.bodies = {};
    index.years.forEach(function (year) {
      var body = table.createTBody();
      body.dataset.year = year.year;
      self.bodies[year.year] = body;
    });
    self.wrapper.appendChild(table);
    self.more = document.createElement("p");
    self.more.className = "paper-filter-more";
    self.more.hidden = true;
    self.moreButton = document.createElement("button");
    self.moreButton.type = "button";
    self.more.appendChild(self.moreButton);
    anchor.parentNode.insertBefore(self.more, anchor.nextSibling);
    anchor.parentNode.insertBefore(self.wrapper, anchor.nextSibling);
  }

  YearSource.prototype.total = function () {
    return this.index.years.reduce(function (sum, year) { return sum + year.count; }, 0);
  };

  // The years that may hold a match, newest first.
  YearSource.prototype.candidates = function (state) {
    return this.index.years.filter(function (year) {
      if (state.year && year.year !== state.year) return false;
      if (state.tag && !year.tags[state.tag]) return false;
      if (state.status && !year.status[state.status]) return false;
      return true;
    });
  };

  YearSource.prototype.pending = function (state) {
    var loaded = this.loaded;
    return this.candidates(state).filter(function (year) { return !loaded[year.year]; });
  };

  // Load the next years a filter needs, newest first, within the budget (at least one).
  YearSource.prototype.load = function (state, budget, done) {
    var self = this;
    var chosen = [];
    var bytes = 0;
    self.pending(state).forEach(function (year) {
      if (chosen.length && bytes + year.bytes > budget) return;
      chosen.push(year);
      bytes += year.bytes;
    });
    if (!chosen.length) { done([]); return; }
    self.wrapper.setAttribute("aria-busy", "true");
    Promise.all(chosen.map(function (year) {
      return fetch(self.base + year.file + "?v=" + encodeURIComponent(year.version))
        .then(function (response) { return response.json(); })
        .then(function (data) { return self.add(year.year, data.papers); });
    })).then(function (added) {
      self.wrapper.removeAttribute("aria-busy");
      done([].concat.apply([], added));
    }, function () {
      self.wrapper.removeAttribute("aria-busy");
      done([]);
    });
  };

  YearSource.prototype.add = function (year, papers) {
    var self = this;
    if (self.loaded[year]) return [];
    self.loaded[year] = true;
    var body = self.bodies[year];
    var added = papers.map(function (paper) {
      // key, short_name, title, date, status, tags, url (index.json's "fields")
      var row = body.insertRow();
      row.className = "paper-row year-" + year;
      if (paper[4]) row.classList.add("status-" + paper[4]);  // null: the shelf keeps no read status
      paper[5].forEach(function (tag) { row.classList.add("tag-" + slug(tag)); });
      row.dataset.key = paper[0];
      cell(row, paper[3] || "undated").className = "paper-nowrap";
      var link = document.createElement("a");
      link.href = self.root + paper[6];
      link.textContent = paper[1];
      cell(row, link);
      cell(row, paper[2]);
      cell(row, paper[4] || "");
      return row;
    });
    self.rows = self.rows.concat(added);
    return added;
  };

  function init() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.paper-row"));
    var overview = document.querySelector("table.paper-years");
    if (!rows.length && overview) {
      var root = document.documentElement.dataset.content_root || "";
      var base = root + "papers-by-year/";
      fetch(base + "index.json").then(function (response) { return response.json(); }).then(function (index) {
        var source = new YearSource(index, base, overview.closest(".paper-table-wrapper") || overview);
        var whole = index.years.reduce(function (sum, year) { return sum + year.bytes; }, 0);
        if (whole <= PREFETCH) {
          source.load({}, whole, function () {
            setUp(source.rows, source);
            // Other scripts (the BibTeX of the selection) work on these rows too.
            document.dispatchEvent(new CustomEvent("papershelf:rows", { detail: source.rows }));
          });
        } else {
          setUp([], source);
        }
      });
      return;
    }
    if (rows.length) setUp(rows, null);
  }

  function setUp(rows, source) {
    var results = source ? source.wrapper : null;
    var marks = Array.prototype.slice.call(document.querySelectorAll(".paper-timeline .paper-mark"));
    var arrows = Array.prototype.slice.call(document.querySelectorAll(".paper-timeline .tl-arrow[data-from]"));
    var sections = Array.prototype.slice.call(document.querySelectorAll("section.paper-year"));

    var statusSeen = {};
    if (source) source.index.years.forEach(function (year) { Object.keys(year.status).forEach(function (s) { statusSeen[s] = true; }); });
    var statuses = (source ? Object.keys(statusSeen) : classValues(rows, "status-")).sort(function (a, b) {
      return STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b);
    });
    var years = (source ? source.index.years.map(function (year) { return year.year; }) : classValues(rows, "year-")).sort(yearOrder);
    var tagLabels = {};
    if (source) source.index.tags.forEach(function (pair) { tagLabels[pair[0]] = pair[1]; });
    document.querySelectorAll("tr.paper-row .paper-tag").forEach(function (chip) {
      chip.classList.forEach(function (name) {
        if (name.indexOf("tag-") === 0 && !tagLabels[name.slice(4)]) tagLabels[name.slice(4)] = chip.textContent.trim();
      });
    });
    var tags = (source ? Object.keys(tagLabels) : classValues(rows, "tag-")).map(function (slug) {
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

    function state() {
      return { q: text.value.trim().toLowerCase(), status: status.control.value, tag: tag.control.value, year: year.control.value };
    }

    // The overview: each change of the filter loads the years it still needs
    // (newest first, within the budget); "Search older years" loads the next ones.
    var timer = null;
    function fetchYears(budget) {
      var wanted = state();
      source.load(wanted, budget, function (added) {
        if (added.length) {
          rows = source.rows;
          document.dispatchEvent(new CustomEvent("papershelf:rows", { detail: rows }));
        }
        apply();
      });
    }
    function changed(event) {
      apply();
      if (!source) return;
      window.clearTimeout(timer);
      var active = Boolean(text.value.trim() || status.control.value || tag.control.value || year.control.value);
      if (!active || !source.pending(state()).length) return;
      // typing waits for a pause; a choice in a list loads at once
      timer = window.setTimeout(function () { fetchYears(BUDGET); }, event && event.target === text ? 300 : 0);
    }
    if (source) {
      source.moreButton.addEventListener("click", function () { fetchYears(BUDGET); });
      form.appendChild(source.more);  // beside the count, in view
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
      // Not every year is loaded: the hidden rows are not "every paper" (papershelf-selection.js).
      if (source) results.toggleAttribute("data-partial", source.pending({}).length > 0);
      var left = source && active ? source.pending(state()) : [];
      if (source) {
        source.more.hidden = !left.length;
        var names = left.map(function (y) { return y.year; });
        source.moreButton.textContent = "Search older years (" + names.slice(0, 3).join(", ") + (names.length > 3 ? ", …" : "") + ")";
      }
      var matched = {};
      rows.forEach(function (row) { if (!row.hidden && row.dataset.key) matched[row.dataset.key] = true; });
      var dimmed = {};
      marks.forEach(function (mark) {
        // From the catalog rows when built from papers.json (their text is the
        // paper's, not only its label), else from the mark's own classes.
        // A mark of a year not loaded yet is judged by its classes alone.
        var markYear = (mark.getAttribute("class").match(/\byear-(\S+)/) || [])[1];
        var ok = source && source.loaded[markYear] ? Boolean(matched[mark.getAttribute("data-key")]) : matches(mark, source ? "" : query);
        mark.classList.toggle("is-dimmed", !ok);
        if (!ok) dimmed[mark.getAttribute("data-key")] = true;
      });
      arrows.forEach(function (arrow) {
        var off = dimmed[arrow.getAttribute("data-from")] || dimmed[arrow.getAttribute("data-to")];
        arrow.classList.toggle("is-dimmed", Boolean(off));
      });
      var total = source ? source.total() : rows.length;
      if (!active) {
        count.textContent = "All " + total + " papers";
      } else if (left.length) {
        var searched = source.candidates(state()).filter(function (y) { return source.loaded[y.year]; }).map(function (y) { return y.year; });
        count.textContent = "Showing " + shown + " from " + (searched.length > 1 ? searched[0] + "–" + searched[searched.length - 1] : searched[0] || "no year yet")
          + "; " + left.length + " older year" + (left.length === 1 ? "" : "s") + " not searched yet";
      } else {
        count.textContent = "Showing " + shown + " of " + total + " papers";
      }
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("reset", function () { window.setTimeout(changed, 0); });
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
