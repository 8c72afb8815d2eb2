/* papershelf: "BibTeX (N)" for exactly the papers a filtered list shows.
 *
 * Plain JavaScript, no network beyond the site's own files. It reads the
 * rows the chronology filter leaves visible (`tr.paper-row` without
 * `hidden`), whatever did the filtering, and counts them. On request it
 * loads the entries of the years those rows belong to (their `year-<y>`
 * class), one script per year generated beside this one
 * (`papershelf-bibtex/<year>.js`: page URL -> BibTeX key -> entry text),
 * never the whole shelf's, and offers them to copy or to download as a .bib
 * file named after the filter.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  var dataBase = new URL("papershelf-bibtex/", script ? script.src : document.baseURI).href;
  var siteRoot = new URL("../../", dataBase).href;
  var loaded = {};  // year -> true once its script ran (or failed)

  function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /* The filter's settings as a file name: "llava.bib", "topic-ocr_2023.bib". */
  function fileName() {
    var form = document.querySelector("form.paper-filter");
    var parts = [];
    if (form) {
      ["q", "tag", "status", "year"].forEach(function (name) {
        var control = form.elements.namedItem(name);
        var value = control && control.value ? slug(control.value) : "";
        if (!value) return;
        parts.push(name === "q" ? value : (name === "tag" ? "topic" : name) + "-" + value);
      });
    }
    return (parts.length ? parts.join("_") : "all-papers") + ".bib";
  }

  /* The key of a row: its own (rows built from papers.json), else its paper link's target looked up in the data. */
  function rowKey(row, pages) {
    if (row.dataset.key) return row.dataset.key;
    var link = row.querySelector("a .paper-ref");
    var anchor = link ? link.closest("a") : row.querySelector("a.reference.internal");
    if (!anchor) return null;
    var href = anchor.href.split("#")[0];
    if (href.indexOf(siteRoot) !== 0) return null;
    return pages[href.slice(siteRoot.length)] || null;
  }

  function rowYear(row) {
    for (var i = 0; i < row.classList.length; i += 1) {
      if (row.classList[i].indexOf("year-") === 0) return row.classList[i].slice(5);
    }
    return null;
  }

  /* The entries of these years, merged: {pages, entries}; null when a year's file failed. */
  function loadYears(years, callback) {
    var missing = years.filter(function (year) { return !loaded[year]; });
    var failed = false;
    var pending = missing.length;
    function merged() {
      var all = window.papershelfBibtex || {};
      var data = { pages: {}, entries: {} };
      years.forEach(function (year) {
        var part = all[year];
        if (!part) { failed = true; return; }
        Object.assign(data.pages, part.pages);
        Object.assign(data.entries, part.entries);
      });
      return failed ? null : data;
    }
    if (!pending) { callback(merged()); return; }
    missing.forEach(function (year) {
      var tag = document.createElement("script");
      tag.src = dataBase + encodeURIComponent(year) + ".js" + (version ? "?v=" + encodeURIComponent(version) : "");
      tag.onload = tag.onerror = function () {
        loaded[year] = true;
        pending -= 1;
        if (!pending) callback(merged());
      };
      document.head.appendChild(tag);
    });
  }

  /* Rows in the page, or (the chronology overview) the rows the filter builds from papers.json. */
  function init() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.paper-row"));
    if (rows.length) { setUp(rows); return; }
    // The overview's filter adds rows as it loads years: each time, the whole list.
    var more = null;
    document.addEventListener("papershelf:rows", function (event) {
      if (more) more(event.detail); else more = setUp(event.detail);
    });
  }

  function setUp(rows) {

    var box = document.createElement("div");
    box.className = "paper-selection-bib";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "paper-bib-toggle";
    toggle.setAttribute("aria-expanded", "false");
    box.appendChild(toggle);

    var panel = document.createElement("div");
    panel.className = "paper-bib-panel";
    panel.hidden = true;
    var text = document.createElement("textarea");
    text.readOnly = true;
    text.rows = 10;
    text.setAttribute("aria-label", "BibTeX of the papers shown");
    var actions = document.createElement("p");
    actions.className = "paper-bib-actions";
    var copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = "Copy";
    var download = document.createElement("a");
    download.className = "paper-bib-file";
    download.textContent = "Download .bib";
    var note = document.createElement("span");
    note.className = "paper-bib-note";
    note.setAttribute("aria-live", "polite");
    actions.appendChild(copy);
    actions.appendChild(download);
    actions.appendChild(note);
    panel.appendChild(actions);
    panel.appendChild(text);
    box.appendChild(panel);

    var objectUrl = null;

    function visible() {
      // The overview's rows count while its results table shows, or when they are
      // the whole shelf (a small shelf, loaded whole: "BibTeX (N)" of every paper).
      // in the page's order: the overview's years arrive in any order, the BibTeX follows the table
      return rows.filter(function (row) { return !row.hidden && !row.closest(".paper-filter-results[hidden][data-partial]"); })
        .sort(function (a, b) { return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1; });
    }

    function years() {
      var seen = {};
      visible().forEach(function (row) { var year = rowYear(row); if (year) seen[year] = true; });
      return Object.keys(seen);
    }

    function fill() {
      note.textContent = "Loading…";
      loadYears(years(), function (data) {
        if (data) compose(data); else note.textContent = "The BibTeX data could not be loaded.";
      });
    }

    function compose(data) {
      var seen = {};
      var texts = [];
      var missing = 0;
      visible().forEach(function (row) {
        var key = rowKey(row, data.pages);
        if (!key || seen[key]) return;
        seen[key] = true;
        if (data.entries[key]) texts.push(data.entries[key]); else missing += 1;
      });
      text.value = texts.length ? texts.join("\n\n") + "\n" : "";
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = URL.createObjectURL(new Blob([text.value], { type: "application/x-bibtex" }));
      download.href = objectUrl;
      download.download = fileName();
      note.textContent = missing ? missing + " shown paper" + (missing === 1 ? " has" : "s have") + " no BibTeX entry" : "";
    }

    function update() {
      toggle.textContent = "BibTeX (" + visible().length + ")";
      if (!panel.hidden) fill();
    }

    toggle.addEventListener("click", function () {
      var open = panel.hidden;
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (open) fill();
    });

    copy.addEventListener("click", function () {
      var done = function () { note.textContent = "Copied."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text.value).then(done, function () { text.select(); });
      } else {
        text.select();
        if (document.execCommand && document.execCommand("copy")) done();
      }
    });

    /* Whatever hides rows (the filter form, another script), follow it. */
    var pending = false;
    var observer = new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; update(); });
    });
    function observe(list) {
      list.forEach(function (row) { observer.observe(row, { attributes: true, attributeFilter: ["hidden"] }); });
    }
    observe(rows);
    var results = rows.length ? rows[0].closest(".paper-filter-results") : document.querySelector(".paper-filter-results");
    if (results) observer.observe(results, { attributes: true, attributeFilter: ["hidden"] });

    var form = document.querySelector("form.paper-filter");
    if (form) {
      form.parentNode.insertBefore(box, form.nextSibling);
      /* The file name follows the form even when the rows shown do not change. */
      form.addEventListener("input", function () { if (!panel.hidden) download.download = fileName(); });
    } else {
      var first = rows[0].closest("section") || rows[0].closest("table");
      first.parentNode.insertBefore(box, first);
    }
    update();
    /* More rows (the overview loaded more years): follow them too. */
    return function (list) {
      observe(list.filter(function (row) { return rows.indexOf(row) === -1; }));
      rows = list;
      update();
    };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
