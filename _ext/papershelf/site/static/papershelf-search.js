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
      ranking: { metaWeights: { name: 10 }, termSimilarity: 5 }
    });
    var query = new URLSearchParams(window.location.search).get("q");
    var side = document.querySelector("input.sidebar-search");
    if (query) {
      ui.triggerSearch(query);
      if (side) side.value = query;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
