/* Inlined by shell.py as Dash's renderer script, at the end of the page. The index page
   preloads every script, the page's layout and its callbacks (its links come after the
   server's drawing of the first chart, first_paint.py): the browser asks for them at once and
   compiles the scripts off the main thread as they arrive (plotly.js's compile hint, at the top
   of the bundle, has V8 compile all of it), but runs none. This script runs once the
   stylesheets are there (as every inline script does) and starts the scripts once the first
   frame is painted: plotly.js `async` (it runs as soon as it is ready), then Dash's scripts,
   listed as scripts of a type the browser does not run, in their order; Dash's renderer then
   finds the layout and callbacks in the preload cache. Until plotly.js has run, window.Plotly
   is a promise-like placeholder: dcc.Graph waits on `Promise.resolve(window.Plotly)` before it
   draws, so it waits for the bundle instead of fetching its own (if the bundle fails to load,
   the wait fails). A hidden tab starts at once (it paints no frame). */
(function () {
    "use strict";
    const listed = Array.from(document.querySelectorAll('script[type="text/x-dash-deferred"]'));
    const plotly = listed.find((listing) => listing.hasAttribute("data-async"));
    const add = (listing, async) => {
        const script = document.createElement("script");
        script.src = listing.getAttribute("src");
        script.async = async;
        document.body.appendChild(script);
        return script;
    };
    const awaitPlotly = () => {
        let arrived;
        let failed;
        const ready = new Promise((resolve, reject) => { arrived = resolve; failed = reject; });
        Object.defineProperty(window, "Plotly", {
            configurable: true,
            enumerable: true,
            get: () => ({then: (resolve, reject) => ready.then(resolve, reject)}),
            set: (bundle) => {
                Object.defineProperty(window, "Plotly", {
                    value: bundle, writable: true, configurable: true, enumerable: true
                });
                arrived();
            }
        });
        return () => {
            const script = add(plotly, true);
            script.fetchPriority = "high";
            script.addEventListener("error", () => failed(new Error("plotly.js did not load")));
        };
    };
    const startPlotly = plotly && !window.Plotly ? awaitPlotly() : () => {};
    const start = () => {
        startPlotly();
        const scripts = listed.filter((l) => l !== plotly).map((l) => add(l, false));
        scripts.pop().addEventListener("load", () => { window.renderer = new DashRenderer(); });
    };
    if (document.visibilityState === "hidden") {
        start();
    } else {
        requestAnimationFrame(() => setTimeout(start, 0));
    }
}());
