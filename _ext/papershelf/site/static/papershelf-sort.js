/* papershelf: sortable columns of index tables (class "paper-sortable").
   A heading becomes a button; numbers sort high to low first; an empty cell
   ("—") sorts last in either direction. Cells are read as text, never as HTML. */
(function () {
  "use strict";
  function value(cell) {
    var text = (cell && cell.textContent || "").trim();
    if (!text || text === "\u2014") return null;
    var digits = text.replace(/[^0-9]/g, "");
    return digits ? Number(digits) : text.toLowerCase();
  }
  function setUp(table) {
    var heads = table.querySelectorAll("thead th");
    var body = table.tBodies[0];
    if (!body) return;
    Array.prototype.forEach.call(heads, function (head, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "paper-sort-button";
      button.textContent = head.textContent.trim();
      button.setAttribute("aria-label", "Sort by " + button.textContent);
      head.textContent = "";
      head.appendChild(button);
      button.addEventListener("click", function () {
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = rows.some(function (row) { return typeof value(row.cells[column]) === "number"; });
        var current = head.getAttribute("aria-sort");
        var descending = numeric ? current !== "descending" : current === "ascending";
        rows.sort(function (a, b) {
          var x = value(a.cells[column]), y = value(b.cells[column]);
          if (x === null && y === null) return 0;
          if (x === null) return 1;  /* missing last, whatever the direction */
          if (y === null) return -1;
          var order = x < y ? -1 : x > y ? 1 : 0;
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", descending ? "descending" : "ascending");
      });
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.paper-sortable"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
