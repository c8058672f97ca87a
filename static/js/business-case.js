/* "Regn selv" on a method's business case: recompute the three scenarios in the page as the visitor types.
 *
 * The arithmetic is ideabank/methods/business_case.py line by line, in the same order of operations (IEEE
 * doubles in both, discount factors by repeated division, left-to-right sums, rounding half away from zero),
 * so the page and the API agree to the krone. Loaded only on method pages that have a business case; without
 * JavaScript the same form is a GET form that the server answers. Invalid input is left to the server, which
 * explains what is wrong beside the field.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-business-case-calculator]");
  var source = document.getElementById("business-case-data");
  var table = document.querySelector("[data-calculator-result]");
  if (!form || !source || !table) return;
  var data = JSON.parse(source.textContent);
  var status = document.querySelector("[data-calculator-status]");
  var SCENARIOS = ["low", "expected", "high"];
  var MAX_HORIZON = 30;

  // ---- the arithmetic (business_case.py) ----

  function total(values) {
    var result = 0.0;
    for (var i = 0; i < values.length; i++) result = result + values[i];
    return result;
  }

  function discountFactors(rate, horizon) {
    var factors = [];
    var factor = 1.0;
    for (var year = 0; year < horizon; year++) {
      factor = factor / (1 + rate);
      factors.push(factor);
    }
    return factors;
  }

  function yearlyBenefits(effects, horizon, rate, scale) {
    var discounts = discountFactors(rate, horizon);
    var benefits = [];
    for (var year = 1; year <= horizon; year++) {
      var benefit = 0.0;
      for (var i = 0; i < effects.length; i++) {
        var effect = effects[i];
        if (year <= effect.years) {
          benefit = benefit + effect.value * Math.min(1.0, effect.share * scale) * discounts[year - 1];
        }
      }
      benefits.push(benefit);
    }
    return benefits;
  }

  function payback(cost, benefits) {
    if (cost <= 0) return 0.0;
    var reached = 0.0;
    for (var year = 1; year <= benefits.length; year++) {
      var before = reached;
      reached = reached + benefits[year - 1];
      if (reached >= cost) return (year - 1) + (cost - before) / benefits[year - 1];
    }
    return null;
  }

  function breakEvenShare(cost, effects, horizon, rate) {
    var whole = effects.map(function (effect) { return { value: effect.value, share: 1.0, years: effect.years }; });
    var worth = total(yearlyBenefits(whole, horizon, rate, 1.0));
    return worth <= 0 ? null : cost / worth;
  }

  function evaluate(cost, effects, horizon, rate, factor) {
    var benefits = yearlyBenefits(effects, horizon, rate, factor);
    return {
      npv: total(benefits) - cost,
      payback: payback(cost, benefits),
      breakEven: breakEvenShare(cost, effects, horizon, rate),
    };
  }

  // ---- showing numbers as the server does (templatetags/economics.py) ----

  function roundHalfAway(value, places) {
    var scale = Math.pow(10, places || 0);
    var rounded = Math.floor(Math.abs(value) * scale + 0.5);
    return (value < 0 ? -rounded : rounded) / scale;
  }

  function grouped(integer) {
    var digits = String(Math.abs(integer));
    var out = "";
    while (digits.length > 3) {
      out = data.thousand + digits.slice(-3) + out;
      digits = digits.slice(0, -3);
    }
    return (integer < 0 ? "-" : "") + digits + out;
  }

  function kroner(value) {
    var rounded = roundHalfAway(value, 0);
    return grouped(rounded === 0 ? 0 : rounded);
  }

  function oneDecimal(value) {
    return roundHalfAway(value, 1).toFixed(1).replace(".", data.decimal);
  }

  function percent(value) {
    return grouped(roundHalfAway(value * 100, 0));
  }

  // ---- reading the form as CalculatorForm does ----

  function whole(name, low, high) {
    var text = form.elements[name].value.trim();
    if (text === "") return data.defaults[name];
    if (!/^\d+$/.test(text)) return NaN;
    var number = parseInt(text, 10);
    return number >= low && number <= high ? number : NaN;
  }

  function factor(name) {
    var text = form.elements[name].value.trim().replace(/\s/g, "").replace("\u2212", "-");
    if (text === "") return data.defaults[name];
    if (!/^\d+([.,]\d{1,2})?$/.test(text)) return NaN;
    var number = parseFloat(text.replace(",", "."));
    return number <= data.maxFactor ? number : NaN;
  }

  function read() {
    var inputs = {
      citizens: whole("citizens", 1, data.maxCitizens),
      horizon: whole("horizon", 1, MAX_HORIZON),
      factors: { low: factor("low"), expected: factor("expected"), high: factor("high") },
    };
    var numbers = [inputs.citizens, inputs.horizon, inputs.factors.low, inputs.factors.expected, inputs.factors.high];
    return numbers.some(isNaN) ? null : inputs;
  }

  function cell(row, name) {
    return row.querySelector('[data-result="' + name + '"]');
  }

  function show(inputs) {
    table.querySelector('caption [data-result="citizens"]').textContent = kroner(inputs.citizens);
    table.querySelector('caption [data-result="horizon"]').textContent = String(inputs.horizon);
    SCENARIOS.forEach(function (name) {
      var result = evaluate(data.cost, data.effects, inputs.horizon, data.rate, inputs.factors[name]);
      var row = table.querySelector('tr[data-scenario="' + name + '"]');
      cell(row, "npv_total").textContent = kroner(result.npv * inputs.citizens);
      cell(row, "npv_per_citizen").textContent = kroner(result.npv);
      cell(row, "payback_years").textContent =
        result.payback === null ? table.dataset.never : oneDecimal(result.payback) + " " + table.dataset.years;
      cell(row, "break_even_share").textContent =
        result.breakEven === null ? "–" : result.breakEven > 1 ? table.dataset.over : percent(result.breakEven) + " %";
    });
  }

  function recompute(announce) {
    var inputs = read();
    if (inputs === null) return false;
    show(inputs);
    if (announce && status) status.textContent = table.querySelector("caption").textContent;
    return true;
  }

  form.addEventListener("input", function () { recompute(false); });
  form.addEventListener("change", function () { recompute(true); });
  form.addEventListener("submit", function (event) {
    // Valid input is answered here; anything else goes to the server, which names the field that is wrong.
    if (recompute(true)) event.preventDefault();
  });
})();
