/* papershelf: the search page on Pagefind (site/search.py).
 *
 * Starts Pagefind's UI in #papershelf-search and runs the query furo's
 * sidebar box sent (search.html?q=...). Pagefind loads its index in chunks,
 * only those a query needs; the facets (topic, year, venue, status) are the
 * filters the paper pages declare.
 */
(function () {
  "use strict";

  function init() {
    var box = document.getElementById("papershelf-search");
    if (!box) return;
    if (window.location.protocol === "file:" || typeof PagefindUI === "undefined") {
      // Pagefind fetches its index: a site opened from disk cannot search.
      var note = document.createElement("p");
      note.className = "papershelf-search-note";
      note.textContent = "Search needs the site served over HTTP: run `python -m http.server` in the build folder " +
        "and open http://localhost:8000/search.html, or browse the indexes.";
      box.appendChild(note);
      return;
    }
    // Absolute: Pagefind imports its files from here. Its result URLs are
    // from the site root, which may sit under a path (Read the Docs' /en/latest/).
    var root = new URL(document.documentElement.getAttribute("data-content_root") || "./", window.location.href);
    var ui = new PagefindUI({
      element: box,
      bundlePath: new URL(box.getAttribute("data-bundle"), window.location.href).href,
      baseUrl: root.pathname,
      showImages: false,
      showSubResults: false,
      autofocus: true,
      pageSize: 10,
      // A paper's page first for its short name (meta "name", search.py), and
      // "LLaVA" before "LLaVA-1.5": whole words of the query's length count more.
      // Meta "keys" repeats the weighted names line of the text: it is not ranked again.
      ranking: { metaWeights: { name: 10, keys: 0 }, termSimilarity: 5 },
      processResult: ownSnippet
    });
    var query = new URLSearchParams(window.location.search).get("q");
    var side = document.querySelector("input.sidebar-search");
    if (query) {
      ui.triggerSearch(query);
      if (side) side.value = query;
    }
  }

  // A paper page's text ends with a hidden line of its names and arXiv ids
  // (search.py), weighted so that the page ranks first for them. Pagefind cuts
  // the snippet where the query's words weigh most: for a name, that line.
  // Such a snippet is cut again from the paper's own text before it.
  function ownSnippet(result) {
    var names = result.meta && result.meta.keys;
    var content = result.content || "";
    var at = names ? content.lastIndexOf(names) : -1;
    if (at < 0) return result;
    var own = content.slice(0, at).trim();
    var shown = result.excerpt.replace(/<[^>]*>/g, "").trim().split(/\s+/);
    var last = shown[shown.length - 1] || "";
    if (own.length && content.slice(at).indexOf(last) < 0) return result;  // not cut from the names
    var terms = [];
    result.excerpt.replace(/<mark>([^<]*)<\/mark>/g, function (_, term) { terms.push(term.toLowerCase()); });
    var words = own.split(/\s+/).filter(Boolean);
    var hit = words.findIndex(function (word) {
      var plain = word.toLowerCase();
      return terms.some(function (term) { return plain.indexOf(term) === 0; });
    });
    var start = Math.max(0, hit - 10);
    var cut = words.slice(start, start + 30).map(function (word) {
      var text = escape(word);
      return terms.some(function (term) { return word.toLowerCase().indexOf(term) === 0; }) ? "<mark>" + text + "</mark>" : text;
    });
    result.excerpt = cut.join(" ");
    return result;
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
