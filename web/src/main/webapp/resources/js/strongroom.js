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
