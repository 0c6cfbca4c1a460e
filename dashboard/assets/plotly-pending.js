/* plotly.js arrives by an async <script> that assets/start-dash-renderer.js puts in once this has run (it is
   downloading from the start, see shell.py). Until it has run, window.Plotly is a promise-like
   placeholder: dcc.Graph waits on `Promise.resolve(window.Plotly)` before it draws, so it waits
   for the bundle instead of fetching its own; if the bundle fails to load, the wait fails. */
(function () {
    "use strict";
    if (window.Plotly) { return; }
    let arrived;
    let failed;
    const ready = new Promise((resolve, reject) => { arrived = resolve; failed = reject; });
    const pending = {then: (resolve, reject) => ready.then(resolve, reject)};
    Object.defineProperty(window, "Plotly", {
        configurable: true,
        enumerable: true,
        get: () => pending,
        set: (plotly) => {
            Object.defineProperty(window, "Plotly", {
                value: plotly, writable: true, configurable: true, enumerable: true
            });
            arrived();
        }
    });
    document.addEventListener("error", (event) => {
        if (/\/plotly-basic-[^/]*$/.test(event.target.src || "")) {
            failed(new Error("plotly.js did not load"));
        }
    }, true);
}());
