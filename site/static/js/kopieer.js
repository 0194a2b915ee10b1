// Progressive enhancement: without JavaScript the citation and link are plain, selectable text.
document.querySelectorAll("[data-kopieer]").forEach(function (button) {
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var text = button.dataset.kopieer.split(" ").map(function (id) {
      var el = document.getElementById(id);
      return el ? el.textContent.trim() : "";
    }).join(", ");
    var status = button.parentElement.querySelector(".kopieer-status");
    navigator.clipboard.writeText(text).then(function () {
      if (status) status.textContent = "Verwijzing gekopieerd.";
    }, function () {
      if (status) status.textContent = "Kopiëren lukte niet; selecteer de tekst en kopieer die zelf.";
    });
  });
});
