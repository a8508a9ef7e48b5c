// Disclosures that are open on a wide screen: <details data-open-from="48rem">.
// Without JavaScript the stylesheet shows their content on a wide screen anyway; this keeps the
// element's own state (and so what assistive technology reports) in step with what is shown,
// as the window is resized. Opened or closed by the reader on a small screen, it stays so.
(function () {
  "use strict";
  document.querySelectorAll("details[data-open-from]").forEach(function (details) {
    var wide = window.matchMedia("(min-width: " + details.dataset.openFrom + ")");
    var follow = function () {
      if (wide.matches) {
        details.open = true;
      } else if (!details.hasAttribute("data-opened-by-reader")) {
        details.open = false;
      }
    };
    details.querySelector("summary").addEventListener("click", function () {
      details.setAttribute("data-opened-by-reader", "");
    });
    wide.addEventListener("change", follow);
    follow();
  });
})();
