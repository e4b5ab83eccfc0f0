/* Caravel pages: tell the server the browser's time zone, so times are shown in it. */
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var cookie = 'caravel-tz=' + encodeURIComponent(zone);
    if (zone && document.cookie.split('; ').indexOf(cookie) < 0) {
      document.cookie = cookie + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) {
    /* a browser without Intl: times stay in UTC, and say so */
  }
})();
