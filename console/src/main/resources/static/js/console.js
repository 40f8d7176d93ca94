// Live pages: the element #live is fetched again when the platform says that what it shows may have changed, and
// replaced when it changed, unless the user is typing in it (then once they leave it). Forms live outside #live, so
// nothing typed is ever lost.
//
// Told by server-sent events (data-changes: one stream per tab, closed while the tab is hidden, resumed with the id
// of the last change seen). While no stream can be had (refused by a full gateway or console, lost, or a browser
// without EventSource), the page asks again every data-refresh milliseconds instead.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live) {
    return;
  }
  var every = parseInt(live.getAttribute('data-refresh'), 10) || 30000;
  var changesUrl = live.getAttribute('data-changes');
  var busy = false;
  var pending = false;
  var source = null;
  var lastId = null;
  var polling = null;
  var reopening = null;
  var told = 0;

  function visible() {
    return document.visibilityState === 'visible';
  }

  function refresh() {
    pending = true;
    if (busy || !visible() || live.contains(document.activeElement)) {
      return;
    }
    pending = false;
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
      .then(function () {
        busy = false;
        if (pending) {
          refresh();
        }
      });
  }

  function poll(on) {
    if (on && !polling) {
      polling = window.setInterval(refresh, every);
    } else if (!on && polling) {
      window.clearInterval(polling);
      polling = null;
    }
  }

  function open() {
    if (source || !changesUrl || !window.EventSource || !visible()) {
      return;
    }
    source = new EventSource(changesUrl + (lastId ? '?since=' + encodeURIComponent(lastId) : ''));
    live.setAttribute('data-live', 'opening');
    source.addEventListener('open', function () {
      live.setAttribute('data-live', 'open');
      poll(false);
    });
    source.addEventListener('changed', function (event) {
      lastId = event.lastEventId || lastId;
      told++;
      live.setAttribute('data-told', String(told));
      refresh();
    });
    source.addEventListener('error', function () {
      if (source && source.readyState === EventSource.CLOSED) {
        // refused (a full gateway or console, signed out): ask now and then, try a stream again later
        source = null;
        live.setAttribute('data-live', 'closed');
        poll(true);
        window.clearTimeout(reopening);
        reopening = window.setTimeout(open, every);
      }
      // otherwise the browser opens it again by itself, with the id of the last change seen
    });
  }

  function close() {
    if (source) {
      source.close();
      source = null;
      live.setAttribute('data-live', 'hidden');
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (visible()) {
      if (pending || !lastId) {
        refresh();
      }
      open();
    } else {
      close();
    }
  });
  live.addEventListener('focusout', function () {
    if (pending) {
      window.setTimeout(refresh, 0);
    }
  });
  window.addEventListener('pagehide', close);

  if (changesUrl && window.EventSource) {
    open();
  } else {
    poll(true);
  }
})();
