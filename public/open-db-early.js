// Starts opening Sidelog's IndexedDB while the page's scripts still load. The first open of a
// browser session makes Chromium open the database's files (about half a second at 100k
// messages); begun here, in a classic script that runs as the HTML is parsed, it overlaps with
// fetching and compiling the page's modules instead of following them. The connection does
// nothing else: it yields to any version change (an upgrade by lib/db/db.ts), never creates the
// database (a first run has nothing to open), and closes after a few seconds, when the page's own
// connection has long been open. Plain JS because it must not wait for the module graph.
(function () {
  'use strict';
  try {
    var req = indexedDB.open('sidelog'); // lib/db/db.ts DB_NAME
    req.onupgradeneeded = function () {
      // No database yet: leave its creation to the page (aborting undoes this one).
      req.transaction.abort();
    };
    req.onsuccess = function () {
      var db = req.result;
      db.onversionchange = function () {
        db.close();
      };
      setTimeout(function () {
        db.close();
      }, 5000);
    };
    req.onerror = function (e) {
      e.preventDefault(); // the abort above, or a browser without IndexedDB: the page reports its own errors
    };
  } catch {
    // IndexedDB unavailable (e.g. a private window in some browsers): nothing to warm.
  }
})();
