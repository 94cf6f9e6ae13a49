// Printing: external links print their address after the text (print.css), except links whose
// text already is the address («sferum.ru/?p=parents_students»), so paper does not repeat it.
(function () {
  function mark() {
    var strip = function (url) { return url.replace(/^https?:\/\//, "").replace(/\/$/, ""); };
    document.querySelectorAll('.md-typeset a[href^="http"]').forEach(function (link) {
      if (strip(link.textContent.trim()) === strip(link.getAttribute("href"))) {
        link.classList.add("kb-print-url-shown");
      }
    });
  }
  if (window.document$) {
    window.document$.subscribe(mark); // Material's instant navigation, if it is ever switched on
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
})();
