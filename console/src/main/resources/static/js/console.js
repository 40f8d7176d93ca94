// Live pages: the element #live is fetched again every data-refresh milliseconds (at most 5 s) and replaced when
// it changed, unless the user is typing in it. Forms live outside #live, so nothing typed is ever lost.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live) {
    return;
  }
  var every = parseInt(live.getAttribute('data-refresh'), 10) || 4000;
  var busy = false;

  function refresh() {
    if (busy || document.visibilityState !== 'visible' || live.contains(document.activeElement)) {
      return;
    }
    busy = true;
    fetch(window.location.href, {credentials: 'same-origin', headers: {'X-Console-Refresh': '1'}, redirect: 'manual'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('refresh: HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (next && next.innerHTML !== live.innerHTML) {
          live.innerHTML = next.innerHTML;
          live.setAttribute('data-refreshed-at', new Date().toISOString());
          document.dispatchEvent(new CustomEvent('console:refreshed'));
        }
      })
      .catch(function () { /* signed out, or the platform unreachable: the page stays as it was */ })
      .then(function () { busy = false; });
  }

  window.setInterval(refresh, every);
})();
