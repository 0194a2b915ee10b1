// The warning before the answers of a loket flow time out (WCAG 2.2.1 Timing Adjustable).
// The server seals the answers with the time of the last request and no longer opens them after
// LOKET_FLOW_TIMEOUT_MINUTES; this counts down from the seconds the page was given, warns
// LOKET_FLOW_WARNING_MINUTES before, and "Ik heb meer tijd nodig" asks the server to seal them
// again (the flow's verlengen/ route). The texts are in the page (loket/includes/verloop.html);
// without JavaScript the note under the form says how long answers are kept.
(function () {
  "use strict";
  var box = document.querySelector("[data-verloop]");
  if (!box || !window.fetch || !("content" in document.createElement("template"))) return;
  var region = box.querySelector("[data-verloop-melding]");
  var lead = Number(box.dataset.waarschuwing);
  var deadline = 0;
  var warned = false;
  var timer = null;

  function show(name) {
    var template = box.querySelector("template[data-verloop-" + name + "]");
    region.replaceChildren(template.content.cloneNode(true));
  }

  function focusMessage() {
    var message = region.querySelector("[data-verloop-focus]");
    if (message) message.focus();
  }

  function expire() {
    window.clearInterval(timer);
    var hadFocus = region.contains(document.activeElement);
    show("verlopen");
    if (hadFocus) focusMessage();
  }

  // Timers of a hidden tab are slowed down: every check compares the clock with the deadline.
  function check() {
    var left = (deadline - Date.now()) / 1000;
    if (left <= 0) {
      expire();
    } else if (!warned && left <= lead) {
      warned = true;
      show("waarschuwing");
    }
  }

  function countDown(seconds) {
    deadline = Date.now() + seconds * 1000;
    warned = false;
    window.clearInterval(timer);
    timer = window.setInterval(check, 1000);
    check();
  }

  function failed() {
    var error = region.querySelector("[data-verloop-fout]");
    if (error) error.hidden = false;
  }

  region.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-verloop-verlengen]")) return;
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      if (response.status === 410) {
        expire();
        focusMessage();
        return null;
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json().then(function (data) {
        show("verlengd");
        focusMessage();
        countDown(Number(data.seconden));
      });
    }).catch(failed);
  });

  document.addEventListener("visibilitychange", check);
  countDown(Number(box.dataset.seconden));
})();
