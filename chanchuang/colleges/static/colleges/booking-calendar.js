/* The booking calendar of a shared resource (FullCalendar 6, standard bundle from npm).
   Configuration: the JSON script #calendar-config (events URL, booking URL, opening hours).
   Events come from the page's JSON view: the bookings holding their slot that the user sees,
   others' titled 已占用. A phone gets the day view and a compact toolbar.
   FullCalendar's styles: see fullcalendar-styles.js, loaded before FullCalendar.
   Time: the calendar shows the school's wall clock whatever the browser's zone: events and
   "now" come without an offset and the calendar runs in UTC, which leaves them as they are. */
(function () {
  var el = document.getElementById("booking-calendar");
  if (!el || !window.FullCalendar) { return; }
  var config = JSON.parse(document.getElementById("calendar-config").textContent);

  var narrow = window.matchMedia("(max-width: 767.98px)").matches;
  var calendar = new FullCalendar.Calendar(el, {
    locale: "zh-cn",
    timeZone: "UTC",
    now: config.now,
    firstDay: 1,
    height: "auto",
    nowIndicator: true,
    allDaySlot: false,
    initialView: narrow ? "timeGridDay" : "timeGridWeek",
    initialDate: config.initialDate || undefined,
    headerToolbar: narrow
      ? { left: "prev,next", center: "title", right: "timeGridDay,dayGridMonth" }
      : { left: "prev,next today", center: "title", right: "dayGridMonth,timeGridWeek,timeGridDay" },
    buttonText: { today: "今天", month: "月", week: "周", day: "日" },
    slotMinTime: config.slotMinTime,
    slotMaxTime: config.slotMaxTime,
    businessHours: config.businessHours,
    eventTimeFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
    slotLabelFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
    events: { url: config.events, failure: function () { el.dataset.failed = "true"; } },
    eventDidMount: function (info) {
      info.el.title = info.event.title + " · " + info.event.extendedProps.status;
    },
    dateClick: config.canBook ? function (info) {
      var day = info.dateStr.slice(0, 10);
      var url = config.book + "?day=" + day;
      if (info.dateStr.length > 10) { url += "&start=" + info.dateStr.slice(11, 16); }
      window.location.href = url;
    } : undefined,
    loading: function (busy) { el.setAttribute("aria-busy", busy ? "true" : "false"); }
  });
  calendar.render();
})();
