// dateline's timeline page: filtering by outlet and a first-reporter view.
// The page reads fully without this script. It only reads data- attributes and toggles classes;
// it never writes markup, and the only text it sets is a count.
(function () {
  "use strict";
  var root = document.documentElement;
  var form = document.getElementById("controls");
  if (!form) {
    return;
  }
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[data-outlet]"));
  var firstView = form.querySelector("input[name=view][value=first]");
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var days = Array.prototype.slice.call(document.querySelectorAll("section.day"));
  var shown = document.getElementById("shown");

  function update() {
    var on = {};
    var all = true;
    boxes.forEach(function (box) {
      if (box.checked) {
        on[box.getAttribute("data-outlet")] = true;
      } else {
        all = false;
      }
    });
    var first = Boolean(firstView && firstView.checked);
    root.classList.toggle("first-view", first);
    var count = 0;
    events.forEach(function (event) {
      var ids = (first ? event.getAttribute("data-first") : event.getAttribute("data-outlets")) || "";
      ids = ids.split(" ").filter(function (id) {
        return id !== "";
      });
      // An event no outlet is known for is shown only while nothing is filtered out.
      var visible = ids.length === 0
        ? all && !first
        : ids.some(function (id) {
          return on[id] === true;
        });
      event.classList.toggle("filtered", !visible);
      if (visible) {
        count += 1;
      }
    });
    days.forEach(function (day) {
      day.classList.toggle("filtered", day.querySelector("li.event:not(.filtered)") === null);
    });
    if (shown) {
      shown.textContent = String(count);
    }
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
  });
  form.addEventListener("click", function (e) {
    var target = e.target;
    var select = target && target.getAttribute ? target.getAttribute("data-select") : null;
    if (select !== "all" && select !== "none") {
      return;
    }
    boxes.forEach(function (box) {
      box.checked = select === "all";
    });
    update();
  });
  root.classList.add("js");
  update();
})();
