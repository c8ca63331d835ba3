// leakwatch console: keyboard shortcuts for the decision form, and reason codes that fit the
// chosen decision. No inline scripts anywhere (the Content-Security-Policy forbids them).
(function () {
  "use strict";

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) &&
      !(el.tagName === "INPUT" && el.type === "radio"));
  }

  function fitReasons(form) {
    var chosen = form.querySelector('input[name="decision"]:checked');
    var select = form.querySelector('select[name="reason"]');
    if (!chosen || !select) return;
    var first = null;
    Array.prototype.forEach.call(select.options, function (opt) {
      var fits = (opt.dataset.fits || "").split(" ").indexOf(chosen.value) >= 0;
      opt.disabled = !fits;
      opt.hidden = !fits;
      if (fits && first === null) first = opt;
    });
    if (select.selectedOptions.length === 0 || select.selectedOptions[0].disabled) {
      if (first) select.value = first.value;
    }
  }

  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t && t.name === "decision" && t.form) fitReasons(t.form);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(document.activeElement)) return;
    var form = document.getElementById("decide");
    if (!form) return;
    var radio = form.querySelector('input[name="decision"][data-key="' + ev.key.toLowerCase() + '"]');
    if (!radio) return;
    ev.preventDefault();
    radio.checked = true;
    fitReasons(form);
    var submit = document.getElementById("decide-submit");
    if (submit) submit.focus();  // Enter now records the decision
  });
})();
