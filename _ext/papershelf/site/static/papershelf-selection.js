/* papershelf: "BibTeX (N)" for exactly the papers a filtered list shows.
 *
 * Plain JavaScript, no network beyond the site's own files. It reads the
 * rows the chronology filter leaves visible (`tr.paper-row` without
 * `hidden`), whatever did the filtering, and counts them. On request it
 * loads `papershelf-bibtex-data.js` (generated once per build beside this
 * script: page URL -> BibTeX key -> entry text) and offers the entries to
 * copy or to download as a .bib file named after the filter.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  var dataUrl = new URL("papershelf-bibtex-data.js", script ? script.src : document.baseURI).href;
  var siteRoot = new URL("../", dataUrl).href;
  if (version) dataUrl += "?v=" + encodeURIComponent(version);

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

  function loadData(callback) {
    if (window.papershelfBibtex) { callback(window.papershelfBibtex); return; }
    var tag = document.createElement("script");
    tag.src = dataUrl;
    tag.onload = function () { callback(window.papershelfBibtex || null); };
    tag.onerror = function () { callback(null); };
    document.head.appendChild(tag);
  }

  /* Rows in the page, or (the chronology overview) the rows the filter builds from papers.json. */
  function init() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.paper-row"));
    if (rows.length) { setUp(rows); return; }
    document.addEventListener("papershelf:rows", function (event) { setUp(event.detail); }, { once: true });
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

    var data = null;
    var objectUrl = null;

    function visible() {
      return rows.filter(function (row) { return !row.hidden; });
    }

    function fill() {
      if (!data) return;
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
      if (!open) return;
      if (data) { fill(); return; }
      note.textContent = "Loading…";
      loadData(function (loaded) {
        data = loaded;
        if (data) fill(); else note.textContent = "The BibTeX data could not be loaded.";
      });
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
    rows.forEach(function (row) { observer.observe(row, { attributes: true, attributeFilter: ["hidden"] }); });

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
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
