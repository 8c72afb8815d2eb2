/* papershelf: the citation graph's topic and year menus dim the marks and lines they exclude. */
(function () {
  "use strict";
  function start() {
    var menus = document.querySelectorAll(".paper-citegraph-filters select[data-filter]");
    var items = document.querySelectorAll(".paper-citegraph-mark, .paper-citegraph-edge");
    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(menus, function (menu) { wanted[menu.getAttribute("data-filter")] = menu.value; });
      Array.prototype.forEach.call(items, function (item) {
        var classes = item.classList;
        var keep = (!wanted.tag || classes.contains("tag-" + wanted.tag)) && (!wanted.year || classes.contains("year-" + wanted.year));
        item.style.opacity = keep ? "" : "0.08";
      });
    }
    Array.prototype.forEach.call(menus, function (menu) { menu.addEventListener("change", apply); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
