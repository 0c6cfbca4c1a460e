/* Inlined by shell.py as Dash's renderer script, at the end of the page: it runs once the
   stylesheets have arrived (as every inline script does), so nothing else is fetched or
   compiled while the page's first frame, with the server's drawing of the first chart
   (first_paint.py), waits for them. It then asks for the page's layout and callbacks
   (Dash's renderer finds them in the preload cache) and for Dash's scripts, listed as scripts
   of a type the browser does not run; once the first frame is painted, they run in their
   order and Dash's renderer starts. plotly.js (data-async) runs whenever it has arrived, once
   plotly-pending.js is there to catch it. A hidden tab starts at once (it paints no frame). */
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
        if (href === plotly?.getAttribute("src")) { link.fetchPriority = "high"; }
        document.head.appendChild(link);
    };
    const add = (listing, async) => {
        const script = document.createElement("script");
        script.src = listing.getAttribute("src");
        script.async = async;
        document.body.appendChild(script);
        return script;
    };
    const start = () => {
        const scripts = listed.filter((l) => l !== plotly).map((l) => add(l, false));
        const pending = scripts.find((script) => /\/plotly-pending\.js/.test(script.src));
        if (plotly && pending) {
            pending.addEventListener("load", () => { add(plotly, true).fetchPriority = "high"; });
        }
        scripts.pop().addEventListener("load", () => { window.renderer = new DashRenderer(); });
    };
    ["/_dash-layout", "/_dash-dependencies"].forEach((href) => preload(href, "fetch"));
    listed.forEach((listing) => preload(listing.getAttribute("src"), "script"));
    if (document.visibilityState === "hidden") {
        start();
    } else {
        requestAnimationFrame(() => setTimeout(start, 0));
    }
}());
