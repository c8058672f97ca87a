// The assessment form's suggestion follows the scores as the editor sets them. Without JavaScript the
// server shows the same suggestion after a save (draft or not). The threshold mirrors elements.py.
(function () {
  "use strict";
  const PROMISING_ELEMENTS = 8;
  const PROMISING_SCORE = 2;
  const form = document.querySelector("[data-assessment-form]");
  if (!form) return;
  const output = form.querySelector("[data-suggestion]");
  const count = form.querySelector("[data-suggestion-count]");

  function update() {
    const chosen = Array.from(form.querySelectorAll('input[type="radio"][name$="_score"]:checked'));
    const strong = chosen.filter((input) => Number(input.value) >= PROMISING_SCORE).length;
    if (!chosen.length) {
      output.textContent = output.dataset.none;
      count.textContent = "";
      return;
    }
    output.textContent = strong >= PROMISING_ELEMENTS ? output.dataset.promising : output.dataset.notYet;
    count.textContent = count.dataset.template.replace("{count}", String(strong));
  }

  form.addEventListener("change", (event) => {
    if (event.target.matches('input[type="radio"][name$="_score"]')) update();
  });
  update();
})();
