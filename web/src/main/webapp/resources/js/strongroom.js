/* Fills the sign-in forms' hidden time-zone field, so the server can show times as the viewer's clock does. */
document.addEventListener('DOMContentLoaded', function () {
  var zone = '';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) {
    zone = '';
  }
  document.querySelectorAll('input[type=hidden][name$=":timeZone"]').forEach(function (field) {
    field.value = zone;
  });
});

/*
 * A form sent the ordinary way stops every poll of the page first: a poll sent between the action's redirect and the
 * page it leads to would take the flash message the action left for that page.
 */
document.addEventListener('submit', function () {
  if (window.PrimeFaces && PrimeFaces.widgets && PrimeFaces.widget && PrimeFaces.widget.Poll) {
    Object.keys(PrimeFaces.widgets).forEach(function (name) {
      var widget = PrimeFaces.widgets[name];
      if (widget instanceof PrimeFaces.widget.Poll) {
        widget.stop();
      }
    });
  }
}, true);
