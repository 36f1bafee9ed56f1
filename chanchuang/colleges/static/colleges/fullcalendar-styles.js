/* Load before FullCalendar 6. The page's Content-Security-Policy allows no inline <style>, so
   FullCalendar cannot inject its CSS the way it does by default: into a <style data-fullcalendar>
   element of the document, rule by rule with insertRule, as soon as its script loads. We put
   such an element first, whose `sheet` is a constructed stylesheet adopted by the document:
   insertRule on it is CSSOM, which the policy does not restrict. */
(function () {
  if (document.querySelector("style[data-fullcalendar]") || !("adoptedStyleSheets" in document)) {
    return;
  }
  var sheet = new CSSStyleSheet();
  var holder = document.createElement("style");
  holder.setAttribute("data-fullcalendar", "");
  Object.defineProperty(holder, "sheet", { get: function () { return sheet; } });
  document.head.appendChild(holder);
  document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
})();
