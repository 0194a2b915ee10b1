// Starts the Wagtail admin widgets that Wagtail itself starts with an inline <script>: the
// Content-Security-Policy allows no inline script, so the overridden templates in
// site/templates/wagtailadmin/ leave a hidden element with data-csp-init (what to call),
// data-csp-target (the input's id, for the date and time pickers) and data-csp-options (JSON);
// regelgeving/admin_widgets.py does the same for Wagtail's chooser widgets.
// Elements added later (a new inline panel child, a modal) are started when they appear.
(function () {
  "use strict";

  var starters = {
    initDateChooser: function (el, options) { window.initDateChooser(el.dataset.cspTarget, options); },
    initTimeChooser: function (el, options) { window.initTimeChooser(el.dataset.cspTarget, options); },
    initDateTimeChooser: function (el, options) { window.initDateTimeChooser(el.dataset.cspTarget, options); },
    InlinePanel: function (el, options) { new window.InlinePanel(options); },
    MultipleChooserPanel: function (el, options) { new window.MultipleChooserPanel(options); },
    // Wagtail's choosers (regelgeving/admin_widgets.py): options are the call's arguments.
    chooser: function (el, args) {
      var fn = window[el.dataset.cspCall];
      if (el.dataset.cspNew) {
        new (Function.prototype.bind.apply(fn, [null].concat(args)))();
      } else {
        fn.apply(null, args);
      }
    },
  };

  function start(root) {
    var elements = root.querySelectorAll ? root.querySelectorAll("[data-csp-init]") : [];
    Array.prototype.forEach.call(elements, function (el) {
      // Inside a <template> (the empty form of an inline panel) nothing is started until it is used.
      if (el.dataset.cspStarted || el.closest("template")) return;
      var starter = starters[el.dataset.cspInit];
      if (!starter) return;
      el.dataset.cspStarted = "1";
      starter(el, el.dataset.cspOptions ? JSON.parse(el.dataset.cspOptions) : {});
    });
  }

  function startAll() {
    start(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        Array.prototype.forEach.call(mutation.addedNodes, function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) start(node.parentNode || node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
