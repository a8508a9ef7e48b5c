// Filters that apply as they are chosen: <form data-autosubmit>. Without JavaScript the form's
// own button (placed first) sends it. With it, every change sends the form, the hint saying so is
// shown, and the control that changed gets the focus back on the new page, so a keyboard or
// screen-reader user keeps their place in the list of filters.
(function () {
  "use strict";
  var KEY = "wiel-autosubmit-focus";
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.querySelectorAll("[data-autosubmit-hint]").forEach(function (hint) {
      hint.hidden = false;
    });
    form.addEventListener("change", function (event) {
      if (event.target.id) {
        try {
          window.sessionStorage.setItem(KEY, event.target.id);
        } catch (error) {
          // Storage refused (private mode): the filters still apply, only the focus is not kept.
        }
      }
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    });
  });
  var kept = null;
  try {
    kept = window.sessionStorage.getItem(KEY);
    window.sessionStorage.removeItem(KEY);
  } catch (error) {
    kept = null;
  }
  var control = kept && document.getElementById(kept);
  if (control && control.form && control.form.hasAttribute("data-autosubmit")) {
    // On a phone the filters wait behind a disclosure: open it again, as the reader left it.
    for (var details = control.closest("details"); details; details = details.parentElement.closest("details")) {
      details.setAttribute("data-opened-by-reader", "");
      details.open = true;
    }
    control.focus();
  }
})();
