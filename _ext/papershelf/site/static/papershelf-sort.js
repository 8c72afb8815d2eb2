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
  // the cell under heading number `column`: a paper listed by its title spans the Title column (colspan)
  function cellAt(row, column) {
    var at = 0;
    for (var i = 0; i < row.cells.length; i++) {
      at += row.cells[i].colSpan || 1;
      if (at > column) return row.cells[i];
    }
    return null;
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
        var numeric = rows.some(function (row) { return typeof value(cellAt(row, column)) === "number"; });
        var current = head.getAttribute("aria-sort");
        var descending = numeric ? current !== "descending" : current === "ascending";
        rows.sort(function (a, b) {
          var x = value(cellAt(a, column)), y = value(cellAt(b, column));
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
