/* The idea form's files: drop files on the zone to fill the file fields, and show one empty field at a
   time. Without JavaScript every field is there and works as a plain file input. */
(function () {
  "use strict";
  var zone = document.querySelector("[data-dropzone]");
  var slots = Array.prototype.slice.call(document.querySelectorAll("[data-attachment-slot]"));
  var more = document.querySelector("[data-attachment-more]");
  if (!slots.length) { return; }

  function input(slot) { return slot.querySelector("[data-attachment-file]"); }
  function filled(slot) {
    return input(slot).files.length > 0 || slot.querySelector(".form-error, .form-error-message") !== null;
  }

  function layout() {
    var shownEmpty = false;
    slots.forEach(function (slot) {
      var keep = filled(slot) || !shownEmpty;
      if (!filled(slot)) { shownEmpty = true; }
      slot.hidden = !keep;
    });
    if (more) { more.hidden = slots.every(function (slot) { return !slot.hidden; }); }
  }

  slots.forEach(function (slot) { input(slot).addEventListener("change", layout); });
  if (more) {
    more.addEventListener("click", function () {
      var next = slots.filter(function (slot) { return slot.hidden; })[0];
      if (next) { next.hidden = false; input(next).focus(); }
      more.hidden = slots.every(function (slot) { return !slot.hidden; });
    });
  }

  if (zone && window.DataTransfer) {
    zone.hidden = false;
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("is-dragover"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("is-dragover"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      var dropped = Array.prototype.slice.call(event.dataTransfer.files);
      slots.forEach(function (slot) {
        if (!dropped.length || input(slot).files.length) { return; }
        var transfer = new DataTransfer();
        transfer.items.add(dropped.shift());
        input(slot).files = transfer.files;
      });
      layout();
      var firstEmpty = slots.filter(function (slot) { return !slot.hidden && !input(slot).files.length; })[0];
      (firstEmpty ? input(firstEmpty) : input(slots[0])).focus();
    });
  }
  layout();
})();
