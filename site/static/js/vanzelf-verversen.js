// A page that waits for work in the background (a PDF being made, an import) asks again by
// itself, without reloading while it waits: a timed reload (<meta http-equiv="refresh">) throws a
// screen reader back to the top every few seconds (WCAG 2.2.1). Every data-ververs-na seconds the
// page is fetched again and its element #vanzelf-verversen (the part that says how far the work
// is) replaced in place. Once the work is done (the answer is the PDF itself, or a page that no
// longer waits) the browser opens the address anew: the download starts, or the result shows.
// Without this script the page has a link to try again.
(function () {
  "use strict";
  var region = document.getElementById("vanzelf-verversen");
  if (!region || !window.fetch) {
    return;
  }

  function later(element) {
    var seconds = Number(element.getAttribute("data-ververs-na"));
    if (seconds > 0) {
      window.setTimeout(ask, seconds * 1000);
    }
  }

  function ask() {
    window
      .fetch(window.location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("text/html") !== 0) {
          window.location.assign(window.location.href);
          return null;
        }
        return response.text().then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("vanzelf-verversen");
          if (!fresh || !fresh.getAttribute("data-ververs-na")) {
            window.location.assign(window.location.href);
            return;
          }
          if (fresh.innerHTML !== region.innerHTML) {
            region.innerHTML = fresh.innerHTML;
          }
          later(fresh);
        });
      })
      .catch(function () {
        later(region); // offline for a moment: ask again later
      });
  }

  later(region);
})();
