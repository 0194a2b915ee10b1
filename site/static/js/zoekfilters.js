// The search filters (/zoeken/) fold into a disclosure on a phone; on a wide screen there is
// room for them, so they start open. Without this script they stay folded and work the same.
(function () {
  "use strict";
  var filters = document.getElementById("zoek-filters");
  if (filters && window.matchMedia("(min-width: 48em)").matches) {
    filters.open = true;
  }
})();
