/* Inlined by shell.py as Dash's renderer script, at the end of the page. Nothing is fetched
   (but the stylesheet, preloaded from the head), compiled or run before the page's first
   frame, with the server's drawing of the first chart (first_paint.py), is painted. Then it
   applies the stylesheet, asks for plotly.js (async: compiled off the main thread by V8's
   compile hint at the top of the bundle, run whenever it has arrived), the page's layout and
   callbacks (Dash's renderer finds them in the preload cache) and Dash's scripts, listed as
   scripts of a type the browser does not run; those run in their order, and Dash's renderer
   starts once they have and the stylesheet is applied. Until plotly.js has run,
   window.Plotly is a promise-like placeholder: dcc.Graph waits on `Promise.resolve(
   window.Plotly)` before it draws, so it waits for the bundle instead of fetching its own (if
   the bundle fails to load, the wait fails). A hidden tab starts at once (it paints no frame). */
(function () {
    "use strict";
    const listed = Array.from(document.querySelectorAll('script[type="text/x-dash-deferred"]'));
    const plotly = listed.find((listing) => listing.hasAttribute("data-async"));
    const preload = (href, as) => {
        const link = document.createElement("link");
        link.rel = "preload";
        link.href = href;
        link.as = as;
        if (as === "fetch") { link.crossOrigin = "anonymous"; }
        document.head.appendChild(link);
    };
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
        const script = add(plotly, true);
        script.fetchPriority = "high";
        script.addEventListener("error", () => failed(new Error("plotly.js did not load")));
    };
    const applyStylesheet = () => new Promise((applied) => {
        const sheet = document.querySelector('link[rel="preload"][as="style"]');
        if (!sheet) { applied(); return; }
        sheet.addEventListener("load", applied);
        sheet.addEventListener("error", applied);
        sheet.rel = "stylesheet";
    });
    const start = () => {
        if (plotly && !window.Plotly) { awaitPlotly(); }
        ["/_dash-layout", "/_dash-dependencies"].forEach((href) => preload(href, "fetch"));
        const scripts = listed.filter((l) => l !== plotly).map((l) => add(l, false));
        const styled = applyStylesheet();  // parsed at once: after the requests are out
        scripts.pop().addEventListener("load", () => styled.then(() => {
            window.renderer = new DashRenderer();
        }));
    };
    if (document.visibilityState === "hidden") {
        start();
    } else {
        requestAnimationFrame(() => setTimeout(start, 0));
    }
}());
